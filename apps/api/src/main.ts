import 'reflect-metadata';
import { directoryContext } from '@concord/directory';
import { runProcess } from '@concord/platform';

// Distributed mode: GraphQL, command handling and the Kafka relay; projections run in workers.
void runProcess('api', { api: true, worker: false }, [directoryContext], { requireDistributed: true });
