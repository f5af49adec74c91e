// The local provider's hosted payment page (its "cashier"), served by our server under /pay/local/:id
// as WeChat Pay's or UnionPay's would be served by theirs: a small phone-width page in Chinese with the
// amount, the payee and 确认支付 / 取消. Its buttons post without our session cookie (credentials:
// 'omit'), as a page on the provider's own domain would.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatYuan } from '../fees/index.ts';
import type { LocalPayOrderRow, LocalProvider } from './local-provider.ts';

/** 2300.00 → 2,300.00, as cashiers show amounts. */
const yuan = (fen: number) => formatYuan(fen).replace(/^\d+/, (int) => int.replace(/\B(?=(\d{3})+$)/g, ','));
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STATE_TEXT: Record<string, string> = {
  SUCCESS: '支付成功',
  PAYERROR: '支付失败，银行卡未扣款',
  CLOSED: '订单已关闭',
};

function page(order: LocalPayOrderRow | undefined, expired: boolean): string {
  const body = !order
    ? '<h1>订单不存在</h1><p>请返回重新发起缴费。</p>'
    : `<p class="payee">收款方：${escape(order.payee)}</p>
  <p class="desc">${escape(order.description)}</p>
  <p class="amount" data-testid="pay-amount">￥${yuan(order.amountFen)}</p>
  <p class="state" id="state" role="status" aria-live="polite">${order.status !== 'NOTPAY' ? STATE_TEXT[order.status] : expired ? '订单已超时' : ''}</p>
  ${
    order.status === 'NOTPAY' && !expired
      ? `<button type="button" id="pay" class="primary">确认支付</button>
  <button type="button" id="cancel">取消</button>`
      : ''
  }
  <p><a id="back" href="${escape(order.returnUrl)}">返回商户</a></p>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>收银台 · 本地支付</title>
<style>
body{margin:0;font:16px/1.6 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;background:#f2f3f5;color:#1f1f1f}
main{max-width:420px;margin:0 auto;padding:24px 16px}
h1{font-size:18px;margin:0 0 16px;text-align:center}
.amount{font-size:36px;font-weight:600;text-align:center;margin:8px 0 24px}
.payee,.desc{margin:4px 0;text-align:center;color:#4e5969}
button{display:block;width:100%;min-height:48px;margin:12px 0;border:1px solid #c9cdd4;border-radius:8px;background:#fff;font-size:17px}
button.primary{background:#067a43;border-color:#067a43;color:#fff}
.state{min-height:1.6em;text-align:center;font-weight:600}
a{color:#0b57d0}
</style></head>
<body><main><h1>收银台（本地支付）</h1>
  ${body}
</main>
${
  order && order.status === 'NOTPAY' && !expired
    ? `<script>
(function(){
  var id=${JSON.stringify(order.id)}, back=${JSON.stringify(order.returnUrl)}, state=document.getElementById('state');
  function post(action){
    document.getElementById('pay').disabled=true;document.getElementById('cancel').disabled=true;
    state.textContent=action==='confirm'?'正在支付…':'';
    return fetch('/pay/local/'+encodeURIComponent(id)+'/'+action,{method:'POST',credentials:'omit'}).then(function(r){return r.json()});
  }
  document.getElementById('pay').addEventListener('click',function(){
    post('confirm').then(function(r){
      state.textContent=r.message;
      if(r.outcome==='paid'){setTimeout(function(){location.href=back},800)}
    }).catch(function(){state.textContent='网络异常，请稍后重试'});
  });
  document.getElementById('cancel').addEventListener('click',function(){location.href=back});
})();
</script>`
    : ''
}
</body></html>`;
}

const MESSAGES = { paid: '支付成功，正在返回…', declined: '支付失败，银行卡未扣款', timeout: '支付超时，请稍后查看订单状态', unavailable: '订单已支付、已关闭或已超时' } as const;

export async function localProviderPageRoutes(app: FastifyInstance, opts: { local: LocalProvider; now: () => Date }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ id: z.string().regex(/^LP\d{28}$/, '不是本地支付的订单号') });
  r.get('/pay/local/:id', { schema: { hide: true, params } }, async (request, reply) => {
    const order = await opts.local.findOrder(request.params.id);
    return reply
      .code(order ? 200 : 404)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(page(order, !!order && order.expiresAt <= opts.now()));
  });
  r.post('/pay/local/:id/confirm', { schema: { hide: true, params }, config: { audit: { action: 'payment.local.confirm' } } }, async (request) => {
    const { outcome } = await opts.local.confirm(request.params.id);
    return { outcome, message: MESSAGES[outcome] };
  });
}
