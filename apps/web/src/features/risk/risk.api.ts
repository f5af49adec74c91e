// The public risk report: JSON for the page, PDF and DOCX as downloads of the same answers.
import type { TRiskReport, TRiskReportInput } from '@opencourt/contracts';
import { i18n } from '../../app/i18n/index.ts';
import { API_BASE, api, ApiError, csrfToken } from '../../shared/api/client.ts';

export const makeRiskReport = (input: TRiskReportInput) => api.post<TRiskReport>('/risk/reports', input);

export type RiskDownload = 'pdf' | 'docx';

/** Fetches the rendered report and hands it to the browser as a file. */
export async function downloadRiskReport(input: TRiskReportInput, format: RiskDownload): Promise<void> {
  const token = csrfToken();
  const res = await fetch(`${API_BASE}/risk/reports/${format}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
    body: JSON.stringify(input),
    credentials: 'same-origin',
  }).catch(() => {
    throw new ApiError({ type: 'about:blank', title: i18n.t('common.networkError'), status: 0, code: 'NETWORK_ERROR' });
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { title?: string; code?: string } | null;
    throw new ApiError({ type: 'about:blank', title: body?.title ?? i18n.t('common.unknownError'), status: res.status, code: body?.code ?? `HTTP_${res.status}` });
  }
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `${i18n.t('risk.fileName')}.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  // Let the download start before the blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
