import 'reflect-metadata';
import { CONTEXTS } from '@concord/composition';
import { runProcess } from '@concord/platform';

// Distributed mode: GraphQL, command handling and the Kafka relay; projections run in workers.
void runProcess('api', { api: true, worker: false }, CONTEXTS, { requireDistributed: true });
