import type { DomainEvent } from '@concord/kernel';

export type FocalPointStatus = 'ACTIVE' | 'LEFT';

/**
 * What an update changed; an absent field is unchanged. `tags` replaces the whole list and a
 * null `phone` removes the number.
 */
export interface FocalPointChanges {
  personName?: string;
  email?: string;
  phone?: string | null;
  role?: string;
  tags?: string[];
}

/**
 * Everything that can happen to a focal point: a person who speaks for an organisation in a
 * country. `personName`, `email` and `phone` are personal data, shown only to signed-in users.
 */
export type FocalPointEvent =
  | DomainEvent<
      'FocalPointRegistered',
      {
        personName: string;
        email: string;
        phone?: string;
        organisation: string;
        country: string;
        role: string;
        /** Expertise: policy area, floor guarantee or function codes. */
        tags: string[];
      }
    >
  | DomainEvent<'FocalPointUpdated', FocalPointChanges>
  | DomainEvent<'FocalPointLeft', { on: string }>;

/** Every event type, checked complete by the compiler: a new event cannot be left out. */
const EVENT_TYPES: Record<FocalPointEvent['type'], true> = {
  FocalPointRegistered: true,
  FocalPointUpdated: true,
  FocalPointLeft: true,
};
export const FOCAL_POINT_EVENT_TYPES = Object.keys(EVENT_TYPES) as FocalPointEvent['type'][];
