import { ApiError } from '../../api/client';

/** Saves a blob response from the typed client (the API streams the workbook; the browser saves it), or throws the API's coded error. */
export function saveBlob(res: { data?: unknown; error?: unknown; response: Response }, filename: string): void {
  if (!res.response.ok || !res.data) {
    const body = (res.error ?? {}) as { code?: string; message?: string };
    throw new ApiError(res.response.status, body.code ?? `HTTP_${res.response.status}`, body.message ?? res.response.statusText);
  }
  const url = URL.createObjectURL(res.data as Blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
