import { defineErrors, localised } from '../../platform/http/index.ts';

export const FeeErrors = defineErrors({
  // A province's configured figure outside the range the Decree allows (art. 13, last paragraph).
  FEE_SCHEDULE_OUT_OF_RANGE: {
    status: 500,
    title: localised('收费标准配置超出《诉讼费用交纳办法》规定的幅度', '收費標準配置超出《訴訟費用交納辦法》規定的幅度', 'A configured fee is outside the range the Decree allows'),
  },
  // A combination the Decree does not allow, reaching the rules without passing the request schema.
  FEE_INVALID_REQUEST: {
    status: 400,
    title: localised('无法按《诉讼费用交纳办法》计算该费用', '無法按《訴訟費用交納辦法》計算該費用', 'The Decree gives no fee for this request'),
  },
});
