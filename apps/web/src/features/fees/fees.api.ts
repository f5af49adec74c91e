// The public fee estimate (no sign-in needed).
import type { TFeeEstimate, TFeeEstimateInput } from '@opencourt/contracts';
import { api } from '../../shared/api/client.ts';

export const estimateFee = (input: TFeeEstimateInput) => api.post<TFeeEstimate>('/fees/estimate', input);
