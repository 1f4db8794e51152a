/** Everything one can ask of a focal point. The organisation and country are fixed at registration. */
export type FocalPointCommand =
  | {
      type: 'RegisterFocalPoint';
      data: {
        personName: string;
        email: string;
        phone?: string;
        /** Directory code of the organisation the person speaks for. */
        organisation: string;
        country: string;
        role: string;
        tags?: string[];
      };
    }
  /** Each given field replaces the current one; `phone: null` removes the number. */
  | {
      type: 'UpdateFocalPoint';
      data: { personName?: string; email?: string; phone?: string | null; role?: string; tags?: string[] };
    }
  /** `on` is an ISO date; today when omitted. */
  | { type: 'MarkFocalPointLeft'; data: { on?: string } };
