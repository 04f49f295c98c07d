import type { Json } from '../../io/json-values.js';
import { isJsonObject, objectIn } from '../../io/json-values.js';

/**
 * The source parameters with their keys as the API documents them (`QueueName`, `IsBase64Decode`), whatever the
 * case of their first letter: FC reads the trigger config with Go's encoding/json, whose field names match in any
 * case, so `queueName` deploys as `QueueName` does. Lint and the events fc-sim draws then both read the same value.
 * @see https://alibabacloud.com/help/en/functioncompute/fc-3-0/developer-reference/api-fc-2023-03-30-struct-eventsourceconfig
 * @see https://pkg.go.dev/encoding/json#Unmarshal
 */
export function pascalSourceParameters(config: Json): Json {
  const source = objectIn(config.eventSourceConfig);
  if (!isJsonObject(source.eventSourceParameters)) return config;
  const parameters = Object.fromEntries(
    Object.entries(source.eventSourceParameters).map(([key, value]) => [
      key,
      isJsonObject(value) ? Object.fromEntries(Object.entries(value).map(([name, item]) => [name.charAt(0).toUpperCase() + name.slice(1), item])) : value,
    ]),
  );
  return { ...config, eventSourceConfig: { ...source, eventSourceParameters: parameters } };
}
