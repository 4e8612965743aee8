const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;

/** A file's length as people read it, in the binary units the server's messages use. */
export function fileSize(bytes: number): string {
  if (bytes < MB) return `${Math.ceil(bytes / KB)} KB`;
  if (bytes < GB) return `${(bytes / MB).toFixed(1)} MB`;
  return `${(bytes / GB).toFixed(1)} GB`;
}
