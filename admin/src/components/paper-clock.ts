/** The paper's time zone, which every time in the newsroom app is shown in. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { paperClockOutput } from '../../../src/http/api/publication/publication-schema.js';
import type { Answer } from '../api/json.js';

export type PaperClock = Answer<typeof paperClockOutput> & {
  /** Asks the server again, after the settings changed the paper's name or zone. */
  reload?: () => void;
};

/** Until the server says, the browser's own zone; every time shown is labelled with its zone. */
export const PaperClockContext = createContext<PaperClock>({
  name: '',
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
});

/** The IANA zone of the paper, such as `Asia/Muscat`. */
export const usePaperZone = () => useContext(PaperClockContext).timeZone;

/** Call after saving the settings, so the header's name and every time shown follow at once. */
export const useReloadPaperClock = () => useContext(PaperClockContext).reload ?? (() => undefined);
