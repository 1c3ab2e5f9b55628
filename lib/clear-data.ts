// The settings' "clear" button forgets everything Sift keeps about the reader's reading: the
// "Related / Not related" marks per site and the reading positions per article. Settings stay.
import { clearMarks } from './reader/related-marks';
import { clearPositions } from './reader/reading-position';

export async function clearReaderData(): Promise<void> {
  await Promise.all([clearMarks(), clearPositions()]);
}
