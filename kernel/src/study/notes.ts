/**
 * Trial notes kept as optuna-dashboard keeps them, so that either tool shows the other's notes: in the
 * study's system attributes, `dashboard:<trialId>:note_ver` (a version counted up on every save) and the
 * text in chunks of at most 2045 characters under `dashboard:<trialId>:note_str:<i>`. A shorter note
 * blanks the chunks it no longer uses (storage is appended to, never rewritten).
 */
import type { AttrValue } from './frozen-trial';
import type { StudyStorage } from './storages';

/** optuna-dashboard's chunk size (a system attribute's text limit in its RDB schema, less the JSON quotes). */
const CHUNK = 2045;

const versionKey = (trialId: number): string => `dashboard:${trialId}:note_ver`;
const chunkPrefix = (trialId: number): string => `dashboard:${trialId}:note_str:`;

/** The note of a trial read from the study's system attributes ('' when it has none). */
export function noteOf(systemAttrs: Readonly<Record<string, AttrValue>>, trialId: number): string {
  if (!(versionKey(trialId) in systemAttrs)) return '';
  const prefix = chunkPrefix(trialId);
  const count = Object.keys(systemAttrs).filter((key) => key.startsWith(prefix)).length;
  let body = '';
  for (let i = 0; i < count; i++) {
    const chunk = systemAttrs[`${prefix}${i}`];
    body += typeof chunk === 'string' ? chunk : '';
  }
  return body;
}

/** Every trial's note by trial id (trials without a note left out). */
export function notesOf(systemAttrs: Readonly<Record<string, AttrValue>>): Map<number, string> {
  const notes = new Map<number, string>();
  for (const key of Object.keys(systemAttrs)) {
    const match = /^dashboard:(\d+):note_ver$/.exec(key);
    if (!match) continue;
    const body = noteOf(systemAttrs, Number(match[1]));
    if (body !== '') notes.set(Number(match[1]), body);
  }
  return notes;
}

/** Saves a trial's note: the next version, the chunks, and blanks for chunks a longer note had used. */
export async function saveNote(storage: StudyStorage, studyId: number, trialId: number, body: string): Promise<void> {
  const attrs = await storage.getStudySystemAttrs(studyId);
  const version = Number(attrs[versionKey(trialId)] ?? 0);
  await storage.setStudySystemAttr(studyId, versionKey(trialId), (Number.isFinite(version) ? version : 0) + 1);
  const prefix = chunkPrefix(trialId);
  const chunks = Math.ceil(body.length / CHUNK);
  for (let i = 0; i < chunks; i++) await storage.setStudySystemAttr(studyId, `${prefix}${i}`, body.slice(i * CHUNK, (i + 1) * CHUNK));
  const used = Object.keys(attrs).filter((key) => key.startsWith(prefix)).length;
  for (let i = chunks; i < used; i++) await storage.setStudySystemAttr(studyId, `${prefix}${i}`, '');
}
