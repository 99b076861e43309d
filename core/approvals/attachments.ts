/**
 * Files approvers and requesters may attach to an action: office documents, PDF, images,
 * plain text and archives, at most 10 MB each. The type is decided by the extension and always
 * served as a download (never rendered inline), so an upload cannot run in the browser.
 */
export const ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  wps: 'application/vnd.ms-works',
  et: 'application/vnd.ms-excel',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  txt: 'text/plain',
  csv: 'text/csv',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
  '7z': 'application/x-7z-compressed',
};

export const MAX_ATTACHMENT_MB = 10;

/** The stored content type for a file name, or null when the extension is not allowed. */
export function attachmentContentType(fileName: string): string | null {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(fileName.trim());
  if (!m?.[1]) return null;
  return ATTACHMENT_TYPES[m[1].toLowerCase()] ?? null;
}

/** A file name safe to store and to put in a Content-Disposition header (no paths, no controls). */
export function cleanFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return (
    base
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f"]/g, '')
      .trim()
      .slice(0, 200)
  );
}
