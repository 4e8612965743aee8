/** One rendition of a photo stored for delivery. */
export interface MediaVariant {
  /** Path under the media URL prefix, named with a content hash. */
  path: string;
  format: 'jpeg' | 'webp' | 'avif' | 'png' | 'gif';
  width: number;
  height: number;
  bytes: number;
}

/** A photo in the library, with its default caption, credit and alt text. */
export interface MediaItem {
  id: number;
  originalName: string;
  mimeType: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
  alt: string;
  /** Average colour shown while the photo loads, as #rrggbb. */
  placeholderColor: string;
  variants: MediaVariant[];
  createdAt: Date;
}

/** The URL path of a stored media file. */
export const mediaUrl = (path: string) => `/media/${path}`;
