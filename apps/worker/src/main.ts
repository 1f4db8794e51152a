import 'reflect-metadata';
import { CONTEXTS } from '@concord/composition';
import { runProcess } from '@concord/platform';

// Distributed mode: Kafka consumers that keep the read models; scale out up to the partition count.
void runProcess('worker', { api: false, worker: true }, CONTEXTS, { requireDistributed: true });
