/**
 * An activity's actors, as SQL over `programming_activities a`: its lead and the partners who
 * implement or answer for it, each once (funders are not actors: they do not do the work).
 */
export const ACTIVITY_ACTORS = `ARRAY(SELECT DISTINCT x FROM unnest(ARRAY[a.organisation] || ARRAY(
    SELECT p->>'organisation' FROM jsonb_array_elements(a.partners) p
     WHERE p->>'role' IN ('IMPLEMENTING', 'ACCOUNTABLE'))) x)`;
