/** The image formats Dateline accepts, recognised by their content. */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';

/** The formats variants are delivered in, best compression first. */
export type DeliveryFormat = 'avif' | 'webp' | 'jpeg';

/** Where the subject of a photo is, as fractions of its width and height from the top left. */
export interface FocalPoint {
  x: number;
  y: number;
}

export const CENTRE: FocalPoint = { x: 0.5, y: 0.5 };

/** Credit, creator, copyright and caption a camera or agency wrote into the file. */
export interface EmbeddedPhotoDetails {
  caption?: string;
  credit?: string;
  creator?: string;
  copyright?: string;
}

/** A photo in the library, with its default caption, credit and alt text. */
export interface MediaItem {
  id: number;
  originalName: string;
  mimeType: string;
  format: ImageFormat;
  /** Size once turned upright by its EXIF orientation. */
  width: number;
  height: number;
  /** Size of the original file. */
  bytes: number;
  caption: string;
  credit: string;
  creator: string;
  copyright: string;
  alt: string;
  focalPoint: FocalPoint;
  /** Average colour shown while the photo loads, as #rrggbb. */
  placeholderColor: string;
  /** Hex SHA-256 of the original file (first 32 digits); every file name derives from it. */
  contentHash: string;
  /** True once the background job has made every variant; until then they are made on demand. */
  variantsReady: boolean;
  uploadedBy: number | null;
  createdAt: Date;
}

/** The URL path of a stored media file. */
export const mediaUrl = (key: string) => `/media/${key}`;
