import { readFileSync } from 'node:fs';
import { ConcordError } from '@concord/kernel';
import { DETECTOR_CONFIG, withOverrides, type DetectorConfig } from '../domain/detector.config';

/** The environment variable naming a JSON file of detector settings to change (docs/duplication.md). */
export const DETECTOR_CONFIG_VARIABLE = 'DEDUPE_CONFIG';

/**
 * The detector's configuration: DETECTOR_CONFIG, with the settings the JSON file at `path`
 * changes when a path is given. An unreadable file, bad JSON or a bad setting is a ConcordError
 * naming the file and the setting.
 */
export function loadDetectorConfig(path: string | undefined): DetectorConfig {
  if (!path) return DETECTOR_CONFIG;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw ConcordError.badInput('BAD_DETECTOR_CONFIG', {
      path,
      value: path,
      message: `cannot be read: ${(error as Error).message}`,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw ConcordError.badInput('BAD_DETECTOR_CONFIG', {
      path,
      value: path,
      message: `is not JSON: ${(error as Error).message}`,
    });
  }
  try {
    return withOverrides(parsed);
  } catch (error) {
    if (error instanceof ConcordError)
      throw new ConcordError(error.kind, error.code, `${path}: ${error.message}`, error.fields);
    throw error;
  }
}
