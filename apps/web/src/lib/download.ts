import { ApiError } from '../api/client';

type BlobAnswer = { data?: unknown; error?: unknown; response: Response };

/** An openapi-fetch blob answer (or its promise) → a saved file, or the API's coded error. The API streams the workbook; the browser saves it. */
export async function saveBlob(answer: BlobAnswer | Promise<BlobAnswer>, fileName: string): Promise<void> {
  const res = await answer;
  if (!res.response.ok || !res.data) {
    const body = (res.error ?? {}) as { code?: string; message?: string };
    throw new ApiError(res.response.status, body.code ?? `HTTP_${res.response.status}`, body.message ?? res.response.statusText);
  }
  const url = URL.createObjectURL(res.data as Blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The multipart body the import routes take: one `file` part. */
export function fileUpload(file: File) {
  return {
    body: { file: file as unknown as string },
    bodySerializer: () => {
      const form = new FormData();
      form.append('file', file, file.name);
      return form;
    },
  };
}
