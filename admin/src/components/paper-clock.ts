/** The paper's time zone, which every time in the newsroom app is shown in. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export interface PaperClock {
  name: string;
  timeZone: string;
}

/** Until the server says, the browser's own zone; every time shown is labelled with its zone. */
export const PaperClockContext = createContext<PaperClock>({
  name: '',
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
});

/** The IANA zone of the paper, such as `Asia/Muscat`. */
export const usePaperZone = () => useContext(PaperClockContext).timeZone;
