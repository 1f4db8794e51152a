import type { Admin } from 'kafkajs';
import { deadLetterTopicName, topicName } from '../event-registry';

export interface TopicSettings {
  topicPrefix: string;
  partitions: number;
  replicationFactor: number;
}

/**
 * Creates the topic of every context and the dead-letter topic, with infinite retention (the
 * topics are a replayable history, not a queue). Brokers run with auto-create off, so a topic
 * that is not made here does not exist.
 */
export async function ensureTopics(admin: Admin, contexts: string[], settings: TopicSettings): Promise<string[]> {
  const wanted = [
    ...contexts.map((c) => topicName(settings.topicPrefix, c)),
    deadLetterTopicName(settings.topicPrefix),
  ];
  for (let attempt = 1; ; attempt++) {
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t));
    if (!missing.length) return wanted;
    try {
      await createTopics(admin, missing, settings);
      return wanted;
    } catch (error) {
      // A broker that has just started may not host partitions yet: worth another try.
      if (attempt >= 8 || !(error as { retriable?: boolean }).retriable) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

function createTopics(admin: Admin, missing: string[], settings: TopicSettings) {
  return admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((topic) => ({
      topic,
      numPartitions: settings.partitions,
      replicationFactor: settings.replicationFactor,
      configEntries: [
        { name: 'retention.ms', value: '-1' },
        { name: 'retention.bytes', value: '-1' },
      ],
    })),
  });
}
