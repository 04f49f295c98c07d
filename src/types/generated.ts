/* eslint-disable */
/**
 * TypeScript types for every fc-sim schema, generated from schemas/ by json-schema-to-typescript.
 * In your project: `npx fc-sim types --out <file>` writes them again, for the fc-sim version installed.
 * In fc-sim: do not edit; change the schema and run `npm run gen:types`. A test fails when this file drifts.
 */

/**
 * Event that the native FC OSS trigger hands to an event handler: UTF-8 JSON bytes (Node.js gets a Buffer) of the form {"events": [record]}. Same record layout in FC 2.0 and FC 3.0. OSS event notifications delivered over MNS/HTTP and EventBridge-based OSS triggers (CloudEvents) are different payloads and are not described here; the OSS notification doc example (ObjectDownloaded:GetObject, with region/requestParameters/responseElements/userIdentity nested inside "oss") is rejected on purpose. See: https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export interface OssEvent {
  /**
   * The OSS records. Every published example has exactly 1 record; the docs state no maximum, so only minItems 1 is enforced (FC3-EVT, fc-event templates, fc-runtime-go-sdk).
   *
   * @minItems 1
   */
  events: [OssEventRecord, ...OssEventRecord[]];
}
/**
 * One OSS record. Required keys are the ones present in every official example and SDK struct; FC adds fields over time (objectMeta appeared ~2022), so the object stays open.
 */
export interface OssEventRecord {
  /**
   * "<Category>:<Api>" WITHOUT the "oss:" prefix that the trigger config uses (config "oss:ObjectCreated:PutObject" -> payload "ObjectCreated:PutObject"); config wildcards such as "oss:ObjectCreated:*" never appear in a payload. The enum is every event the native FC OSS trigger can subscribe to (https://www.alibabacloud.com/help/en/functioncompute/fc/user-guide/overview-of-oss-trigger): ObjectModified:UpdateObjectMeta only in cn-hangzhou, cn-shanghai, cn-qingdao, cn-beijing, cn-zhangjiakou, cn-huhehaote, cn-shenzhen, cn-chengdu; the ObjectReplication:* names are in the FC 3.0 doc but missing from the devsapp/fc3 enum. ObjectDownloaded:GetObject exists only for OSS notifications (MNS/HTTP), not for FC triggers.
   */
  eventName:
    | "ObjectCreated:PutObject"
    | "ObjectCreated:PostObject"
    | "ObjectCreated:CopyObject"
    | "ObjectCreated:PutSymlink"
    | "ObjectCreated:AppendObject"
    | "ObjectCreated:InitiateMultipartUpload"
    | "ObjectCreated:UploadPart"
    | "ObjectCreated:UploadPartCopy"
    | "ObjectCreated:CompleteMultipartUpload"
    | "ObjectRemoved:DeleteObject"
    | "ObjectRemoved:DeleteObjects"
    | "ObjectRemoved:AbortMultipartUpload"
    | "ObjectModified:UpdateObjectMeta"
    | "ObjectReplication:ObjectCreated"
    | "ObjectReplication:ObjectModified"
    | "ObjectReplication:ObjectRemoved";
  /**
   * Always "acs:oss" (FC3-EVT table: "固定为acs:oss").
   */
  eventSource: "acs:oss";
  /**
   * RFC 3339 UTC time with exactly 3 fraction digits and "Z" (e.g. "2022-08-13T06:45:43.000Z"). Every example has ".000Z", i.e. second precision padded to milliseconds; the pattern accepts any 3 digits. Differs from the timer (no fraction) and CDN (+08:00) formats.
   */
  eventTime: string;
  /**
   * Always "1.0" (FC3-EVT, OSS notification doc).
   */
  eventVersion: "1.0";
  /**
   * OSS part of the record: bucket, object, schema version and rule id.
   */
  oss: {
    /**
     * The bucket the object belongs to.
     */
    bucket: {
      /**
       * Bucket ARN "acs:oss:{region}:{accountId}:{bucketName}" (OSS notification doc: "acs:oss:region:uid:bucketname"). The account part is only checked as non-empty (docs mask it, "1581223139******") and need not equal ownerIdentity: the FC3-EVT example has ARN account 123456789 with ownerIdentity 164901546557****. The bucket part follows the bucket naming rules (https://www.alibabacloud.com/help/en/oss/user-guide/bucket-naming-conventions).
       */
      arn: string;
      /**
       * Bucket name: 3-63 characters, lowercase letters, digits and "-", starting and ending with a letter or digit (OSS bucket naming rules, https://www.alibabacloud.com/help/en/oss/user-guide/bucket-naming-conventions).
       */
      name: string;
      /**
       * UID of the account that owns the bucket (FC3-EVT: "创建Bucket的用户ID"); digits, often masked ("164901546557****").
       */
      ownerIdentity: string;
      /**
       * Always "" where present. Optional: present in the fc-event templates, Go SDK and Java POJO, absent in the FC 3.0 doc example and in OSS notifications.
       */
      virtualBucket?: string;
    };
    /**
     * The object the event is about.
     */
    object: {
      /**
       * Change of the object size in bytes caused by this request: 0 when an object is overwritten with one of the same size (awesome-fc fixture: deltaSize 0 with size 7107), negative when it shrinks ("可能为负数", OSS notification doc).
       */
      deltaSize: number;
      /**
       * Object ETag WITHOUT the surrounding quotes of the HTTP ETag header; uppercase hex in every example. Any string is accepted: multipart ETags ("...-N") and masked doc values ("688A...****") exist.
       */
      eTag: string;
      /**
       * Object key. OSS limits keys to 1-1023 BYTES of UTF-8 and forbids a leading "/" or "\" (https://www.alibabacloud.com/help/en/oss/user-guide/object-naming-conventions); JSON Schema maxLength counts characters, so 1023 is an upper bound only (a key of 1023 non-ASCII characters is too long in bytes; check the byte length in code). Whether FC URL-encodes non-ASCII/special characters in the key is not documented (official samples use it raw, some handlers unquote it).
       */
      key: string;
      /**
       * Object size in bytes after the request (FC3-EVT table: Int).
       */
      size: number;
      /**
       * Object metadata; optional, only in newer events (FC 3.0 doc, Go SDK and awesome-fc fixtures from 2022 on; Java POJO 1.2.0 "Update oss event"). Absent from older templates.
       */
      objectMeta?: {
        /**
         * Content type of the object, e.g. "image/jpeg", "application/zip" (FC3-EVT, Go SDK).
         */
        mimeType?: string;
        /**
         * User metadata keyed by the FULL header name, e.g. {"x-oss-meta-last-modified": "20250213"} (FC3-EVT). OSS allows only letters, digits and "-" after the prefix and stores uppercase letters as lowercase (https://help.aliyun.com/en/oss/user-guide/0011-00000004), hence the lowercase key pattern.
         */
        userMeta?: {
          [k: string]: string | undefined;
        };
        /**
         * Cache-Control of the object. Only in the official Java POJO (github aliyun/fc-java-libs fc-java-events 1.2.0 OSSEvent.java); no JSON example seen.
         */
        cacheControl?: string;
        /**
         * Content-Encoding of the object. Only in the official Java POJO (github aliyun/fc-java-libs fc-java-events 1.2.0 OSSEvent.java); no JSON example seen.
         */
        contentEncoding?: string;
        /**
         * Content-Disposition of the object. Only in the official Java POJO (github aliyun/fc-java-libs fc-java-events 1.2.0 OSSEvent.java); no JSON example seen.
         */
        contentDisposition?: string;
        /**
         * Expires header of the object. Only in the official Java POJO (github aliyun/fc-java-libs fc-java-events 1.2.0 OSSEvent.java); no JSON example seen.
         */
        expires?: string;
        /**
         * Content-Language of the object. Only in the official Java POJO (github aliyun/fc-java-libs fc-java-events 1.2.0 OSSEvent.java); no JSON example seen.
         */
        contentLanguage?: string;
        /**
         * Access-Control-Allow-Origin of the object. Only in the official Java POJO (github aliyun/fc-java-libs fc-java-events 1.2.0 OSSEvent.java); no JSON example seen.
         */
        accessControlAllowOrigin?: string;
        /**
         * Persistent metadata as string key/values. Only in the official Java POJO (github aliyun/fc-java-libs fc-java-events 1.2.0 OSSEvent.java); no JSON example seen.
         */
        persistentMeta?: {
          [k: string]: string | undefined;
        };
      };
      /**
       * Only for ObjectCreated:AppendObject: the offset in bytes where the append started (OSS notification doc, Java POJO).
       */
      position?: number;
    };
    /**
     * Always "1.0".
     */
    ossSchemaVersion: "1.0";
    /**
     * Id of the notification rule FC created for the trigger: 40 hex characters in FC examples (often masked), free-text rule names in OSS notification examples, so any non-empty string is accepted.
     */
    ruleId: string;
  };
  /**
   * Region id of the bucket, e.g. "cn-hangzhou", "ap-southeast-1". Record level in every FC source (the OSS notification doc nests it inside "oss" by a brace error).
   */
  region: string;
  /**
   * Parameters of the OSS request that caused the event.
   */
  requestParameters: {
    /**
     * Client IP address of the OSS request. IPv4 in every example but often masked in docs ("140.205.XX.XX", "140.205.***.***"), so not checked as an IP.
     */
    sourceIPAddress: string;
  };
  /**
   * Elements of the OSS response.
   */
  responseElements: {
    /**
     * OSS request id (x-oss-request-id); 24 uppercase hex characters in every example (e.g. "58F9FF2D3DF792092E12044C"). Format not documented, so not pattern-checked.
     */
    requestId: string;
  };
  /**
   * Who made the OSS request.
   */
  userIdentity: {
    /**
     * Alibaba Cloud account/RAM UID of the requester (digits, often masked "164901546557****"). May differ from oss.bucket.ownerIdentity.
     */
    principalId: string;
  };
  /**
   * OSS callback custom variables ("x:<name>": value). Documented only for OSS event notifications (https://www.alibabacloud.com/help/en/oss/user-guide/real-time-processing-file-changes-oss-event-notifications); optional here because no FC trigger example carries it.
   */
  xVars?: {
    [k: string]: string | undefined;
  };
}

/**
 * Event that an FC time (timer) trigger hands to an event handler: a JSON object with the fire time, the trigger name and the configured payload string. Same in FC 2.0 and FC 3.0. See: https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export interface TimerEvent {
  /**
   * Actual fire time, RFC 3339 UTC with NO fractional seconds and a "Z" suffix (e.g. "2023-12-26T07:49:00Z"). Seconds are not always ":00" (awesome-fc fixture "2022-07-29T10:02:58Z"). midway's mock uses milliseconds (Date.toJSON()), which real FC does not send.
   */
  triggerTime: string;
  /**
   * Name of the trigger: 1-128 letters, digits, "_" and "-", not starting with a digit or "-" (FC API CreateTriggerInput.triggerName, https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/developer-reference/api-fc-2023-03-30-struct-createtriggerinput).
   */
  triggerName: string;
  /**
   * The trigger's configured payload ("触发消息"), passed verbatim and never parsed: a JSON payload arrives as a JSON *string* (config payload '{"s": "ss"}' -> "{\"s\": \"ss\"}"). What FC sends when no payload is configured is not documented; fc-sim sends "" (as midway's mock does) and always includes the key.
   */
  payload: string;
}

/**
 * Event that an MNS (SMQ) topic trigger with notifyContentFormat JSON hands to an event handler: the message and its envelope as a JSON object. If the published message carries MessageAttributes, the attribute key/values are merged into the same object at top level (FC3-EVT shows "key": "value"; midway's mock "Context"), which is why additional properties are allowed but must be strings. For notifyContentFormat STREAM see mns-topic-stream.schema.json. See: https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export interface MnsTopicJsonEvent {
  /**
   * Account id that owns the topic ("订阅Topic的AccountId"); digits, masked in docs ("118620210433****").
   */
  TopicOwner: string;
  /**
   * Message body exactly as published. FC does not base64-encode it; if the publisher base64-encoded the body it stays encoded.
   */
  Message: string;
  /**
   * Account id of the subscriber; digits, masked in docs.
   */
  Subscriber: string;
  /**
   * Publish time as a JSON integer of Unix epoch MILLISECONDS (e.g. 1550216302888). The minimum (1e11 ms = 1973-03-03) rejects epoch seconds by mistake. The Go SDK types it as time.Time, which does not match the payload.
   */
  PublishTime: number;
  /**
   * Name of the subscription FC created for the trigger (e.g. "test-fc-subscribe", "test-5bf13c7e").
   */
  SubscriptionName: string;
  /**
   * MD5 of the message body as 32 hex characters. MNS sends uppercase (every unmasked example, e.g. "BA4BA9B48AC81F0F9C66F6C909C39DBB") and fc-sim generates uppercase; lowercase is accepted because hex case carries no meaning for a digest and hand-written test events often use lowercase digests (e.g. Node's digest("hex")). Masked doc values ("...C3****") are rejected.
   */
  MessageMD5: string;
  /**
   * Name of the topic.
   */
  TopicName: string;
  /**
   * Message id: 32 uppercase hex characters as FC's event examples show (e.g. "2F5B3C281B283D4EAC694B7425288675"), or the form MNS's own API returns (16 hex, `-1-`, 11 hex, `-`, 9 digits: "D273CD6A89564E54-1-15180395A19-200000001", MNS PublishMessage doc https://www.alibabacloud.com/help/en/mns/developer-reference/message-management-publishmessage). Masked doc values ("...2528****") are rejected.
   */
  MessageId: string;
  /**
   * MessageAttributes of the published message, merged at top level as string key/values (FC3-EVT "key": "value"; midway "Context"). `fc-sim validate --strict` leaves this explicit additionalProperties as is.
   */
  [k: string]: string | number | undefined;
}

/**
 * Event that an MNS (SMQ) topic trigger with notifyContentFormat STREAM (the default) hands to an event handler when the published message carries MessageAttributes: the JSON object {"body": <message body>, "attrs": {<attributes>}}. STREAM WITHOUT message attributes delivers the raw message body bytes (e.g. hello topic), which is not JSON and is not described by this schema (FC3-EVT's note calls it a JSON string, yet its sample and the Go SDK/awesome-fc READMEs show bare text; treat it as opaque bytes). For notifyContentFormat JSON see mns-topic-json.schema.json. See: https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export interface MnsTopicStreamEvent {
  /**
   * Message body exactly as published (not base64-encoded by FC).
   */
  body: string;
  /**
   * The message attributes as string key/values.
   */
  attrs: {
    /**
     * The "Extend" attribute: a JSON document serialised as a string, e.g. "{\"key\":\"value\"}" (fc-event mns-stream.json). FC3-EVT renders it with double backslashes, which is invalid JSON (doc escaping error).
     */
    Extend?: string;
    [k: string]: string | undefined;
  };
}

/**
 * Event that an SLS (Log Service) trigger hands to an event handler: the configured parameter object, the shard cursor range to read and job/task ids. It carries cursors only, not log data: the function calls PullLogs/BatchGetLog itself. Same in FC 2.0 and FC 3.0 (trigger type "log"). See: https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export interface SlsEvent {
  /**
   * The trigger's functionParameter object as configured, {} when unset (FC3-EVT: "您配置触发器时填写的调用参数的值"). Any JSON object: official SLS ETL functions put nested objects here.
   */
  parameter: {};
  /**
   * Where to read the logs from.
   */
  source: {
    /**
     * SLS endpoint FC builds for the function: "http://{region}-intranet.log.aliyuncs.com" (plain http, intranet host). The FC3-EVT doc and all four sources (including a captured 2018 event) show only this form and the trigger requires the project to be in the function's region, so https and public/acceleration hosts are rejected as not what FC sends.
     */
    endpoint: string;
    /**
     * SLS project of the source logstore.
     */
    projectName: string;
    /**
     * Source logstore.
     */
    logstoreName: string;
    /**
     * Shard id, a JSON integer (0 in every example).
     */
    shardId: number;
    /**
     * Start cursor (inclusive) of the batch. Base64-looking ("MTUyOTQ4MDIwOTY1NTk3ODQ2Mw==") but opaque: pass it to PullLogs unchanged; the Go SDK README example is not valid base64, so no pattern.
     */
    beginCursor: string;
    /**
     * End cursor of the batch; opaque like beginCursor.
     */
    endCursor: string;
  };
  /**
   * Name of the SLS ETL job FC created for the trigger; 40 lowercase hex characters in every unmasked example. Documented as always present, so required (official aliyun-log-fc-functions code still treats it as optional). Format not documented and masked in the doc example, so not pattern-checked.
   */
  jobName: string;
  /**
   * Id of this invocation of the ETL job (deterministic for the job's retries); a UUID in every unmasked example. Documented as always present, so required; format not documented, so not pattern-checked.
   */
  taskId: string;
  /**
   * Arrival time of the last log in the batch as Unix epoch SECONDS (e.g. 1529486425), unlike MNS PublishTime (ms). The maximum (10 digits) rejects milliseconds by mistake.
   */
  cursorTime: number;
}

/**
 * One CDN record.
 */
export type CdnEventRecord = (
  | {
      eventName: "LogFileCreated";
      eventParameter: CdnEventLogFileCreatedParameter;
    }
  | {
      eventName: "CachedObjectsRefreshed";
      eventParameter: CdnEventCachedObjectsRefreshedParameter;
    }
  | {
      eventName: "CachedObjectsPushed";
      eventParameter: CdnEventCachedObjectsPushedParameter;
    }
  | {
      eventName: "CachedObjectsBlocked";
      eventParameter: CdnEventCachedObjectsBlockedParameter;
    }
  | {
      eventName: "CdnDomainStarted";
      eventParameter: CdnEventCdnDomainStartedParameter;
    }
  | {
      eventName: "CdnDomainStopped";
      eventParameter: CdnEventCdnDomainStoppedParameter;
    }
  | {
      eventName: "CdnDomainAdded";
      eventParameter: CdnEventCdnDomainAddedParameter;
    }
  | {
      eventName: "CdnDomainDeleted";
      eventParameter: CdnEventCdnDomainDeletedParameter;
    }
) & {
  /**
   * The CDN event; selects the eventParameter shape.
   */
  eventName:
    | "LogFileCreated"
    | "CachedObjectsRefreshed"
    | "CachedObjectsPushed"
    | "CachedObjectsBlocked"
    | "CdnDomainStarted"
    | "CdnDomainStopped"
    | "CdnDomainAdded"
    | "CdnDomainDeleted";
  /**
   * Always "1.0.0", the only supported version (an API doc sample shows "1.0.1" in a trigger config; not seen in payloads).
   */
  eventVersion: "1.0.0";
  /**
   * Always "cdn".
   */
  eventSource: "cdn";
  /**
   * Region id; "cn-hangzhou" in every example although CDN is a global service.
   */
  region: string;
  /**
   * RFC 3339 time with a numeric UTC offset and no fractional seconds, e.g. "2018-03-16T14:19:55+08:00" (Beijing time in every example; unlike OSS/timer there is no "Z"). midway's placeholder "xxxxx" is rejected.
   */
  eventTime: string;
  /**
   * Trace id of the event; a UUID in every unmasked example, masked in docs, so not pattern-checked.
   */
  traceId: string;
  /**
   * The resource the event is about.
   */
  resource: {
    /**
     * The accelerated domain, e.g. "example.com".
     */
    domain: string;
  };
  /**
   * Owner of the domain.
   */
  userIdentity: {
    /**
     * Alibaba Cloud account id as a string (digits, masked in docs).
     */
    aliUid: string;
  };
  /**
   * Event-specific parameters; the shape per eventName is checked by the allOf below (definitions <eventName>Parameter).
   */
  eventParameter: {};
} & {
  /**
   * The CDN event; selects the eventParameter shape.
   */
  eventName:
    | "LogFileCreated"
    | "CachedObjectsRefreshed"
    | "CachedObjectsPushed"
    | "CachedObjectsBlocked"
    | "CdnDomainStarted"
    | "CdnDomainStopped"
    | "CdnDomainAdded"
    | "CdnDomainDeleted";
  /**
   * Always "1.0.0", the only supported version (an API doc sample shows "1.0.1" in a trigger config; not seen in payloads).
   */
  eventVersion: "1.0.0";
  /**
   * Always "cdn".
   */
  eventSource: "cdn";
  /**
   * Region id; "cn-hangzhou" in every example although CDN is a global service.
   */
  region: string;
  /**
   * RFC 3339 time with a numeric UTC offset and no fractional seconds, e.g. "2018-03-16T14:19:55+08:00" (Beijing time in every example; unlike OSS/timer there is no "Z"). midway's placeholder "xxxxx" is rejected.
   */
  eventTime: string;
  /**
   * Trace id of the event; a UUID in every unmasked example, masked in docs, so not pattern-checked.
   */
  traceId: string;
  /**
   * The resource the event is about.
   */
  resource: {
    /**
     * The accelerated domain, e.g. "example.com".
     */
    domain: string;
  };
  /**
   * Owner of the domain.
   */
  userIdentity: {
    /**
     * Alibaba Cloud account id as a string (digits, masked in docs).
     */
    aliUid: string;
  };
  /**
   * Event-specific parameters; the shape per eventName is checked by the allOf below (definitions <eventName>Parameter).
   */
  eventParameter: {};
};

/**
 * Event that an FC CDN event trigger hands to an event handler: {"events": [record]}, one record in every example. eventParameter depends on eventName and is checked per eventName against a closed definition. See: https://help.aliyun.com/zh/fc/formats-of-event-for-different-triggers
 */
export interface CdnEvent {
  /**
   * The CDN records; exactly 1 in every example, no documented maximum.
   *
   * @minItems 1
   */
  events: [CdnEventRecord, ...CdnEventRecord[]];
}
/**
 * eventParameter of LogFileCreated: a 5-minute CDN access-log file is ready. Closed: no other keys.
 */
export interface CdnEventLogFileCreatedParameter {
  /**
   * The accelerated domain (same as resource.domain).
   */
  domain: string;
  /**
   * Start of the period the log file covers, Unix epoch seconds. FC3-EVT's field table says String but every example sends a JSON integer: fc-sim generates integers and also accepts a string of digits, so an event that follows the doc table is not rejected.
   */
  startTime: number | string;
  /**
   * End of the period the log file covers, Unix epoch seconds (startTime + 300 in the example). FC3-EVT's field table says String but every example sends a JSON integer: fc-sim generates integers and also accepts a string of digits, so an event that follows the doc table is not rejected.
   */
  endTime: number | string;
  /**
   * Size of the log file in bytes. FC3-EVT's field table says String but every example sends a JSON integer: fc-sim generates integers and also accepts a string of digits, so an event that follows the doc table is not rejected.
   */
  fileSize: number | string;
  /**
   * Signed download URL of the gzip log file: "http://cdnlog.{region}.oss.aliyun-inc.com/...gz?OSSAccessKeyId=...&Expires=...&Signature=...".
   */
  filePath: string;
}
/**
 * eventParameter of CachedObjectsRefreshed (FC3-EVT documents the three Cached* events with one field list; fc-event reuses the Refreshed template for Pushed and Blocked). Closed: no other keys.
 */
export interface CdnEventCachedObjectsRefreshedParameter {
  /**
   * The refreshed/pushed/blocked paths.
   *
   * @minItems 1
   *
   * Items: A path (or directory) on the domain, e.g. "/2018/03/16/13/33b430c57e7.mp4".
   */
  objectPath: [string, ...string[]];
  /**
   * Task creation time, Unix epoch seconds. FC3-EVT's field table says String but every example sends a JSON integer: fc-sim generates integers and also accepts a string of digits, so an event that follows the doc table is not rejected.
   */
  createTime: number | string;
  /**
   * Task completion time, Unix epoch seconds. FC3-EVT's field table says String but every example sends a JSON integer: fc-sim generates integers and also accepts a string of digits, so an event that follows the doc table is not rejected.
   */
  completeTime: number | string;
  /**
   * The accelerated domain (same as resource.domain).
   */
  domain: string;
  /**
   * "File" or "Directory".
   */
  objectType: "File" | "Directory";
  /**
   * CDN task id (e.g. 2089687230). FC3-EVT's field table says String but every example sends a JSON integer: fc-sim generates integers and also accepts a string of digits, so an event that follows the doc table is not rejected.
   */
  taskId: number | string;
}
/**
 * eventParameter of CachedObjectsPushed (FC3-EVT documents the three Cached* events with one field list; fc-event reuses the Refreshed template for Pushed and Blocked). Closed: no other keys.
 */
export interface CdnEventCachedObjectsPushedParameter {
  /**
   * The refreshed/pushed/blocked paths.
   *
   * @minItems 1
   *
   * Items: A path (or directory) on the domain, e.g. "/2018/03/16/13/33b430c57e7.mp4".
   */
  objectPath: [string, ...string[]];
  /**
   * Task creation time, Unix epoch seconds. FC3-EVT's field table says String but every example sends a JSON integer: fc-sim generates integers and also accepts a string of digits, so an event that follows the doc table is not rejected.
   */
  createTime: number | string;
  /**
   * Task completion time, Unix epoch seconds. FC3-EVT's field table says String but every example sends a JSON integer: fc-sim generates integers and also accepts a string of digits, so an event that follows the doc table is not rejected.
   */
  completeTime: number | string;
  /**
   * The accelerated domain (same as resource.domain).
   */
  domain: string;
  /**
   * "File" or "Directory".
   */
  objectType: "File" | "Directory";
  /**
   * CDN task id (e.g. 2089687230). FC3-EVT's field table says String but every example sends a JSON integer: fc-sim generates integers and also accepts a string of digits, so an event that follows the doc table is not rejected.
   */
  taskId: number | string;
}
/**
 * eventParameter of CachedObjectsBlocked (FC3-EVT documents the three Cached* events with one field list; fc-event reuses the Refreshed template for Pushed and Blocked). Closed: no other keys.
 */
export interface CdnEventCachedObjectsBlockedParameter {
  /**
   * The refreshed/pushed/blocked paths.
   *
   * @minItems 1
   *
   * Items: A path (or directory) on the domain, e.g. "/2018/03/16/13/33b430c57e7.mp4".
   */
  objectPath: [string, ...string[]];
  /**
   * Task creation time, Unix epoch seconds. FC3-EVT's field table says String but every example sends a JSON integer: fc-sim generates integers and also accepts a string of digits, so an event that follows the doc table is not rejected.
   */
  createTime: number | string;
  /**
   * Task completion time, Unix epoch seconds. FC3-EVT's field table says String but every example sends a JSON integer: fc-sim generates integers and also accepts a string of digits, so an event that follows the doc table is not rejected.
   */
  completeTime: number | string;
  /**
   * The accelerated domain (same as resource.domain).
   */
  domain: string;
  /**
   * "File" or "Directory".
   */
  objectType: "File" | "Directory";
  /**
   * CDN task id (e.g. 2089687230). FC3-EVT's field table says String but every example sends a JSON integer: fc-sim generates integers and also accepts a string of digits, so an event that follows the doc table is not rejected.
   */
  taskId: number | string;
}
/**
 * eventParameter of CdnDomainStarted. Closed: no other keys.
 */
export interface CdnEventCdnDomainStartedParameter {
  /**
   * The accelerated domain (same as resource.domain).
   */
  domain: string;
  /**
   * New domain status; "online" in every example.
   */
  status: string;
}
/**
 * eventParameter of CdnDomainStopped. Closed: no other keys.
 */
export interface CdnEventCdnDomainStoppedParameter {
  /**
   * The accelerated domain (same as resource.domain).
   */
  domain: string;
  /**
   * New domain status; value not documented (FC3-EVT groups Stopped with Started), presumably "offline", so any non-empty string.
   */
  status: string;
}
/**
 * eventParameter of CdnDomainAdded: only the domain (FC3-EVT). Closed: no other keys.
 */
export interface CdnEventCdnDomainAddedParameter {
  /**
   * The accelerated domain (same as resource.domain).
   */
  domain: string;
}
/**
 * eventParameter of CdnDomainDeleted: only the domain (FC3-EVT). Closed: no other keys.
 */
export interface CdnEventCdnDomainDeletedParameter {
  /**
   * The accelerated domain (same as resource.domain).
   */
  domain: string;
}

/**
 * The FC 3.0 HTTP trigger event (payload format version "v1") that a built-in runtime hands to an event-style handler `(event, context)` when a request reaches the function URL; the runtime passes it as a Buffer holding this JSON document (runtime.md §1.1). FC 2.0 and FC 3.0 custom runtimes/containers do not use this event (see Fc2HttpRequest). Field rules follow the FC 3.0 doc request struct, checked against a real captured event (devsapp/fc3 `__tests__/e2e/trigger/http/evt.json`): `timeEpoch` is a string, `requestId` may be "", `triggerId` appears although undocumented. The doc's own request struct is not a valid instance: it carries placeholders (`requestId: "1-64f6cd87-*************"`, `sourceIp: "11.11.11.**"`). See: https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/http-trigger-invoking-function
 */
export type HttpTriggerEvent = {
  /**
   * Payload format version; the doc says the current (and only) version is "v1".
   */
  version: "v1";
  /**
   * Request path as received, still URL-encoded (the decoded form is `requestContext.http.path`), without the query string. For an InvokeFunction-style call it is the API path, e.g. `/2023-03-30/functions/<name>/invocations` (real captured event). Always starts with `/`.
   */
  rawPath: string;
  /**
   * Request headers, names in Go's canonical MIME form whatever case the client sent (`Content-Type`, `X-Acs-Action`: the real event devsapp/fc3 captured was sent with lower-case names; events.md, Corrections). A header sent several times arrives once with its values joined by a comma without a space (`"value1,value2"`, FC 3.0 doc) — unlike FC 2.0, which joins with ", " and keeps `set-cookie` as an array. Values are always strings. May be `{}`.
   */
  headers: {
    [k: string]: string | undefined;
  };
  /**
   * Decoded query-string parameters. A repeated key arrives once with its values comma-joined (`"value1,value2"`, FC 3.0 doc); values are always strings. `{}` when the URL has no query (real captured event).
   */
  queryParameters: {
    [k: string]: string | undefined;
  };
  /**
   * Request body as a string; "" when the request has none. When `isBase64Encoded` is true it is standard base64 with padding (RFC 4648 §4) of the raw bytes — enforced by the `allOf` rule below. FC base64-encodes binary bodies; the hono adapter test fixtures show `isBase64Encoded: true` with an empty body too, so "" is accepted in that case.
   */
  body: string;
  /**
   * JSON boolean (never the string "true"): true iff `body` is base64 (FC 3.0 doc: set when the request content is binary).
   */
  isBase64Encoded: boolean;
  /**
   * Request metadata added by FC.
   */
  requestContext: {
    /**
     * Alibaba Cloud account id (UID) of the function owner, a digit string. Not pattern-checked: every published sample, including the real captured event (`143**********149`), masks it, and the doc gives no format.
     */
    accountId: string;
    /**
     * Host the request was sent to: `<http-trigger-id>.<region-id>.fcapp.run` for the function URL (FC 3.0 doc; hono fixture `hono-al-fc-test.us-east-1.fcapp.run`), `<accountId>.<region>.fc.aliyuncs.com` for InvokeFunction-style calls (real captured event), or a custom domain. Not checked with `format: hostname` because real samples mask the account id with `*`.
     */
    domainName: string;
    /**
     * First label of `domainName`: the HTTP trigger id for `*.fcapp.run`, the account id for `*.fc.aliyuncs.com`.
     */
    domainPrefix: string;
    /**
     * HTTP request line and client information.
     */
    http: {
      /**
       * Request method, upper case. Limited to the methods an FC HTTP trigger can be configured for (`methods` in the trigger config: GET, POST, PUT, DELETE, HEAD, PATCH, OPTIONS — events.md §6.3).
       */
      method: "GET" | "POST" | "PUT" | "DELETE" | "HEAD" | "PATCH" | "OPTIONS";
      /**
       * Request path, URL-decoded (FC 3.0 doc); starts with `/`.
       */
      path: string;
      /**
       * HTTP version of the client request, `HTTP/1.1` in every sample (FC 3.0 doc, real event).
       */
      protocol: string;
      /**
       * Client IP address, IPv4 or IPv6 (`112.10.236.5` in the real event). Masked doc values such as `11.11.11.**` are rejected.
       */
      sourceIp: string;
      /**
       * Copy of the `User-Agent` request header ("" when the client sent none — assumption, not documented).
       */
      userAgent: string;
    };
    /**
     * FC request id. Either "" or an FC 3.0 id `1-<8 hex>-<8 hex>-<12 hex>` or `1-<8 hex>-<24 hex>` (lower-case hex; the first group is the Unix time in seconds, e.g. `1-64f6cd87-…` ↔ `time 2023-09-05T06:41:11Z` in the doc). Both id layouts appear in public `s invoke` logs (`1-65dd9ece-123e1745-e6b2fe71423f`, `1-6513e3fc-985ed1c8f1afcf92be9fe039`). The empty string is accepted because the only real captured event (devsapp/fc3 e2e `evt.json`, InvokeFunction call) has `requestId: ""`. The doc's masked `1-64f6cd87-*************` is rejected.
     */
    requestId: string;
    /**
     * Request time, RFC 3339 in UTC with a `Z` suffix and no fractional seconds (`2023-09-05T06:41:11Z`, FC 3.0 doc and real event).
     */
    time: string;
    /**
     * Request time as Unix epoch milliseconds, serialised as a decimal STRING (`"1693896071895"`) — not a number as in AWS Lambda (FC 3.0 doc, real event, fc-runtime-go-sdk model it as string).
     */
    timeEpoch: string;
    /**
     * Undocumented: id (UUID) of the HTTP trigger, seen in the real captured event (`1e875ca5-8fd9-4893-b690-cc81c41e5bdc`) but not in the doc struct; optional.
     */
    triggerId?: string;
  };
};

/**
 * One row change.
 */
export type TablestoreRecord = (
  | {
      Type: "PutRow";
      /**
       * A PutRow writes whole cells: every column operation is `Put`.
       */
      Columns: {
        Type?: "Put";
      }[];
    }
  | {
      Type: "DeleteRow";
      /**
       * A DeleteRow carries no columns.
       *
       * @maxItems 0
       */
      Columns: [];
    }
  | unknown
) & {
  /**
   * Row operation: `PutRow` (write the whole row), `UpdateRow` (column-level changes), `DeleteRow`.
   */
  Type: "PutRow" | "UpdateRow" | "DeleteRow";
  /**
   * Record metadata.
   */
  Info: {
    /**
     * Time the row change was written, Unix epoch in MICROseconds as a CBOR int64 (doc example `1506416585740836` = 2017-09-26T09:03:05.740836Z).
     */
    Timestamp: number;
  };
  /**
   * Primary-key columns of the row, in table schema order (1–4 columns in Tablestore).
   *
   * @minItems 1
   */
  PrimaryKey: [TablestorePrimaryKeyColumn, ...TablestorePrimaryKeyColumn[]];
  /**
   * Changed attribute columns: every column a PutRow writes (all `Put`), the column operations of an UpdateRow, none for a DeleteRow (inference from Tablestore stream semantics, where a row deletion carries only the primary key).
   */
  Columns: TablestoreColumn[];
} & {
  /**
   * Row operation: `PutRow` (write the whole row), `UpdateRow` (column-level changes), `DeleteRow`.
   */
  Type: "PutRow" | "UpdateRow" | "DeleteRow";
  /**
   * Record metadata.
   */
  Info: {
    /**
     * Time the row change was written, Unix epoch in MICROseconds as a CBOR int64 (doc example `1506416585740836` = 2017-09-26T09:03:05.740836Z).
     */
    Timestamp: number;
  };
  /**
   * Primary-key columns of the row, in table schema order (1–4 columns in Tablestore).
   *
   * @minItems 1
   */
  PrimaryKey: [TablestorePrimaryKeyColumn, ...TablestorePrimaryKeyColumn[]];
  /**
   * Changed attribute columns: every column a PutRow writes (all `Put`), the column operations of an UpdateRow, none for a DeleteRow (inference from Tablestore stream semantics, where a row deletion carries only the primary key).
   */
  Columns: TablestoreColumn[];
};
/**
 * One attribute-column change. `Value` is required for `Put`; `Timestamp` is required for `Put` and `DeleteOneVersion` (the version written / deleted) and optional for `DeleteAllVersions`, which targets no single version (inference from Tablestore stream semantics; the doc example only shows `Put`).
 */
export type TablestoreColumn = (
  | {
      Type: "Put";
      /**
       * Required when `Type` is `Put`.
       */
      Value?: {
        [k: string]: unknown | undefined;
      };
      /**
       * Required when `Type` is `Put`.
       */
      Timestamp?: {
        [k: string]: unknown | undefined;
      };
    }
  | {
      Type: "DeleteOneVersion";
      /**
       * Required when `Type` is `DeleteOneVersion`.
       */
      Timestamp?: {
        [k: string]: unknown | undefined;
      };
    }
  | unknown
) & {
  /**
   * Column operation: `Put`, `DeleteOneVersion`, `DeleteAllVersions`.
   */
  Type: "Put" | "DeleteOneVersion" | "DeleteAllVersions";
  /**
   * Attribute column name (the naming rule of primary-key columns).
   */
  ColumnName: string;
  /**
   * New value for `Put`: Integer (int64; beyond 2^53 as `{"$int64": "…"}`), Boolean, Double (a whole one as `{"$double": n}`), String or Binary (`{"$base64": "…"}`). Absent for deletes.
   */
  Value?: number | boolean | string | TablestoreInt64 | TablestoreBinary | TablestoreDouble;
  /**
   * Cell version, Unix epoch in MILLIseconds as int64 (doc example `1506416585741`) — note the unit differs from `Info.Timestamp` (µs).
   */
  Timestamp?: number;
};

/**
 * Tablestore (OTS) stream trigger event, AFTER decoding. The real payload is CBOR, not JSON (handlers call `cbor.decodeAllSync(event)`, fxamacker/cbor, jackson-dataformat-cbor — events.md §7); this schema describes the decoded record set (`Version: "Sync-v1"`) as JSON, with fc-sim's marks for what JSON cannot carry: `{"$int64": "1506416585881590900"}` for an integer beyond 2^53 (CBOR int64, exact; a handler decoding with `cbor` gets a bigint), `{"$base64": "…"}` for a Binary value (a CBOR byte string; a Buffer in the handler) and `{"$double": 3}` for a Double whose value is whole (a CBOR float; a plain number in the handler). A plain JSON integer beyond 2^53, as in the doc example, is accepted too: it is an integer, rounded by `JSON.parse`. Timestamps differ in unit: `Info.Timestamp` is MICROseconds, column `Timestamp` MILLIseconds. The devsapp/fc-event `tablestore.json` template is a type skeleton (`"Version": "string"`, `"Timestamp": "int64"`), not a payload, and is rejected. See: https://www.alibabacloud.com/help/doc-detail/70140.htm
 */
export interface TablestoreEvent {
  /**
   * Payload format version; "Sync-v1" is the only documented value.
   */
  Version: "Sync-v1";
  /**
   * Changed rows delivered in this invocation (one per row operation, in stream order). At least one.
   *
   * @minItems 1
   */
  Records: [TablestoreRecord, ...TablestoreRecord[]];
}
/**
 * One primary-key column.
 */
export interface TablestorePrimaryKeyColumn {
  /**
   * Primary-key column name: letters, digits and `_`, not starting with a digit, 1–255 characters (Tablestore's naming rule).
   */
  ColumnName: string;
  /**
   * Key value: Integer (int64; beyond 2^53 as `{"$int64": "…"}`), String, or Binary (`{"$base64": "…"}`).
   */
  Value: number | string | TablestoreInt64 | TablestoreBinary;
}
/**
 * An integer beyond JavaScript's safe range (±(2^53 − 1)) as fc-sim writes it in JSON: exact, as decimal text within the 64-bit range. In CBOR it is a 64-bit integer; `cbor.decodeAllSync` gives a bigint.
 */
export interface TablestoreInt64 {
  /**
   * The integer in decimal.
   */
  $int64: string;
}
/**
 * A Binary value as fc-sim writes it in JSON: its bytes in base64. In CBOR it is a byte string; `cbor.decodeAllSync` gives a Buffer.
 */
export interface TablestoreBinary {
  /**
   * The bytes, base64.
   */
  $base64: string;
}
/**
 * A Double whose value is whole, as fc-sim writes it in JSON so that it stays a float in CBOR (a plain whole number is an Integer). Other doubles are plain JSON numbers. `cbor.decodeAllSync` gives a plain number either way.
 */
export interface TablestoreDouble {
  /**
   * The value.
   */
  $double: number;
}

/**
 * The event API Gateway passes to an FC event function when an API's backend is Function Compute (API Gateway trigger, event functions only). Fields from the FC 3.0 event-format doc and the official Java POJO `ApiGatewayRequestEvent` (fc-java-events), checked against two real captured events (ltaoo/recordtime_report README, awesome-fc/bxjs-base). `isBase64Encoded` is a JSON boolean: the doc template literally shows `"isBase64Encoded":"true|false, …"` (a string — that template is not even valid JSON) and midway types it `'true'|'false'`, but the Java POJO and every real event use a boolean, and real events send `true` even for an empty body. The handler is expected to return `{isBase64Encoded, statusCode, headers, body}` (ApiGatewayResponse, schemas/http/apigw-response.schema.json). See: https://www.alibabacloud.com/help/doc-detail/70140.htm
 */
export type ApiGatewayEvent = {
  /**
   * Request path the client called, starting with `/`, without the query string: the API's path with its `[name]` path parameters filled in (a captured event of the API path `/echo/[echo_text]` has `path: "/echo/phone"` and `pathParameters: {"echo_text": "phone"}`, wikicivi crawler SDK).
   */
  path: string;
  /**
   * HTTP method of the request, upper case (API Gateway methods GET, POST, PUT, DELETE, HEAD, PATCH, OPTIONS; `ANY` exists only in API definitions, a request always has a concrete method).
   */
  httpMethod: "GET" | "POST" | "PUT" | "DELETE" | "HEAD" | "PATCH" | "OPTIONS";
  /**
   * All request headers, including API Gateway system headers such as `X-Ca-Api-Gateway` (gateway request id, upper-case UUID), `X-Forwarded-For`, `X-Real-IP`, `X-Forwarded-Proto`, `CA-Host`, optionally `CaRequestId`, `CaClientIp`, `CaDomain`. Header names keep their mixed case as forwarded (real events mix `Accept-Language` and `upgrade-insecure-requests`); values are strings.
   */
  headers: {
    [k: string]: string | undefined;
  };
  /**
   * Query parameters defined for the API, name → string value; `{}` when none (real events).
   */
  queryParameters: {
    [k: string]: string | undefined;
  };
  /**
   * Path parameters defined for the API (e.g. `/users/[id]`), name → string value; `{}` when none.
   */
  pathParameters: {
    [k: string]: string | undefined;
  };
  /**
   * Request body as a string, "" when none. Base64 (padded, RFC 4648 §4) when `isBase64Encoded` is true — enforced by the `allOf` rule below.
   */
  body: string;
  /**
   * JSON boolean (not the string the doc template shows): true ⇒ `body` is base64. Real events show true with an empty body.
   */
  isBase64Encoded: boolean;
};

/**
 * Event delivered to FC by the EventBridge-based triggers — MNS queue, RocketMQ, RabbitMQ, Kafka, DTS, and OSS/other Alibaba Cloud sources routed through EventBridge: a CloudEvents 1.0 JSON envelope with Alibaba `aliyun*` extension attributes. The delivered value is EITHER one envelope (event-driven mode, one event per invocation) OR a JSON array of envelopes (event-streaming mode / batch push; every FC 3.0 doc sample is an array) — hence `anyOf [envelope, array of envelope]` (events.md §9). `data` is checked per `type` for `mns:Queue:SendMessage`, `mq:Topic:SendMessage`, `amqp:Queue:SendMessage`, `alikafka:Topic:Message`, `dts:ConsumeMessage` (field sets from the FC3 doc and fc-runtime-go-sdk, objects kept open) and the OSS object events (`oss:ObjectCreated:PutObject`…: one native OSS record, DataWorks doc sample); other types (custom events, EventBridge-only OSS events such as `oss:BucketCreated:PutBucket`) only need an envelope. Decisions on odd samples: (1) `time` must be UTC with `Z` and 0–3 fraction digits — the EventBridge transformation doc's `2020-08-17T16:04:46.149Asia/Shanghai` is not RFC 3339 and is rejected. (2) The Kafka 'array of JSON-encoded strings' form (awesome-fc nodejs sample; fc-runtime-go-sdk README_KAFKA_EVENTBRIDGE, handler `event []string`) is rejected: each element is a serialised envelope, i.e. a second encoding layer, not another event shape; the current FC 3.0 doc shows objects. Each element, once `JSON.parse`d, validates against this schema; emitting that encoding is a generator option, not a schema branch. (3) `specversion` is required (CloudEvents REQUIRED attribute), so a PutEvents-style input without it (awesome-fc RocketMQ `event.json`, `type: ui:Created:PostObject`) is rejected. (4) `datacontenttype` must be an RFC 2045 media type: the JSON escape `charset\u003dutf-8` decodes to `charset=utf-8` and is fine, the broken `charsetu003dutf-8` (awesome-fc springboot sample) is rejected. (5) Masked account ids / request ids (`164901546557****`) are tolerated: no FC doc defines their format, so they are not pattern-checked. Non-CloudEvents payloads of the MQTT and self-built Apache RocketMQ triggers are not covered. See: https://www.alibabacloud.com/help/doc-detail/70140.htm
 */
export type EventBridgeEvent = EventBridgeCloudEvent | [EventBridgeCloudEvent, ...EventBridgeCloudEvent[]];
/**
 * One CloudEvents 1.0 envelope as EventBridge delivers it (structured JSON mode). Extra attributes are allowed (EventBridge adds extensions over time).
 */
export type EventBridgeCloudEvent = {
  /**
   * Event id (CloudEvents REQUIRED), unique per source. Format varies by source: UUID-like for MNS/RocketMQ/Kafka (doc samples mask it, e.g. `c2g71017-6f65-fhcf-a814-a396fc8d****`), the message id for RabbitMQ, `<hash>-<id>` for DTS — not pattern-checked.
   */
  id: string;
  /**
   * Event source (CloudEvents REQUIRED): for FC-created triggers the name of the FC-managed event bus/stream (`MNS-<function>-<trigger>`, `RocketMQ-<function>-<trigger>`, `RabbitMQ-<function>-<trigger>`), or a product source such as `acs:alikafka`, `acs:amqp`, `acs.oss`, or the DTS stream name.
   */
  source: string;
  /**
   * CloudEvents spec version, always "1.0" (CloudEvents REQUIRED).
   */
  specversion: "1.0";
  /**
   * Event type (CloudEvents REQUIRED), `<product>:<resource>:<action>`: `mns:Queue:SendMessage`, `mq:Topic:SendMessage`, `amqp:Queue:SendMessage`, `alikafka:Topic:Message`, `dts:ConsumeMessage`, `oss:ObjectCreated:PutObject`… Selects the `data` check.
   */
  type: string;
  /**
   * Media type of `data` (RFC 2045/RFC 9110 syntax: `type/subtype` plus `; name=value` parameters, spaces around `;` optional). Seen: `application/json; charset=utf-8`, `application/json;charset=utf-8`, `application/json`. Samples that write `charset\u003dutf-8` in JSON source are valid (it decodes to `=`); a literal `charsetu003dutf-8` is not a media type and is rejected.
   */
  datacontenttype: string;
  /**
   * Resource the event is about, ARN-like: `acs:mns:<region>:<uid>:queues/<queue>`, `acs:mq:<region>:<uid>:<instanceId>%<topic>`, `acs:amqp:<region>:<uid>:/instances/<id>/vhosts/<vhost>/queues/<queue>`, `acs:alikafka:<instance>:topic:<topic>`, `acs:oss:<region>:<uid>:<bucket>/<key>`. Free text here (samples contain masks and `${AccountID}`). Present in every FC trigger sample, hence required.
   */
  subject: string;
  time: EventBridgeEventEventTime;
  /**
   * Optional CloudEvents `dataschema` URI of the data schema.
   */
  dataschema?: string;
  /**
   * Account id (UID) the event belongs to, digit string. Optional: present in MNS/RocketMQ/RabbitMQ/Kafka samples, missing in the FC 3.0 doc's DTS sample. Not pattern-checked (doc samples mask it).
   */
  aliyunaccountid?: string;
  /**
   * Account id of the original publisher (event-driven mode only). Optional.
   */
  aliyunoriginalaccountid?: string;
  /**
   * Event bus that routed the event (event-driven mode only; FC-created buses are named like `source`). Optional.
   */
  aliyuneventbusname?: string;
  /**
   * Region id of the event bus, e.g. `cn-chengdu` (event-driven mode only). Optional.
   */
  aliyunregionid?: string;
  /**
   * IP address of the publisher as seen by EventBridge (event-driven mode only; masked `42.120.XX.XX` in docs, so not format-checked). Optional.
   */
  aliyunpublishaddr?: string;
  aliyunpublishtime?: EventBridgeEventEventTime;
  /**
   * Event payload; shape depends on `type` (see the `allOf` rules and the *Data definitions). Any JSON value for other types.
   */
  data: {
    [k: string]: unknown | undefined;
  };
};
/**
 * Event time: RFC 3339 / ISO-8601 in UTC with a `Z` suffix and 0–3 fraction digits (`2021-04-08T06:28:17.093Z`; `2022-07-22T06:34:27.9Z` with one digit in the awesome-fc java11 MNS sample; `2022-06-10T07:55:57Z` without fraction in the DTS doc sample). Offsets, more than millisecond precision and zone names (`…46.149Asia/Shanghai` in the EventBridge transformation doc) are rejected: no FC trigger sample uses them.
 */
export type EventBridgeEventEventTime = string;

/**
 * The object an FC 3.0 built-in-runtime handler returns for an HTTP trigger request (HttpTriggerEvent); FC maps it to the HTTP response sent to the client. Shape from the FC 3.0 HTTP trigger doc, fc-runtime-go-sdk `HTTPTriggerResponse` and the hono FC3 adapter (`AlibabaCloudFC3Response`). Only `statusCode` is required: devsapp/fc3 e2e code returns `{statusCode, body}`, and a missing `body` is taken as an empty body (assumption). How FC treats a return value that is NOT this object (plain string, object without statusCode) could not be verified from the docs (runtime.md §4.2) — this schema only describes the structured form. Examples: the response objects hono's FC3 adapter produces in its test suite (honojs/hono `src/adapter/alibaba-cloud-fc3/handler.test.ts`, `createResponse`). See: https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/http-trigger-invoking-function
 */
export type HttpTriggerResponse = {
  /**
   * HTTP status code, a JSON integer in 100–599 (range of valid HTTP status codes, RFC 9110 §15; a string such as "200" is rejected).
   */
  statusCode: number;
  /**
   * Response headers, name → single string value (map[string]string in the Go SDK and hono types; multi-value headers are not supported in this form — join them yourself). FC ignores/forbids `connection`, `content-length`, `date`, `keep-alive`, `server`, `upgrade` and `x-fc-*` (FC HTTP handler doc).
   */
  headers?: {
    [k: string]: string | undefined;
  };
  /**
   * JSON boolean: true when `body` is base64 of binary content that FC must decode before sending (hono sets it for binary content types and compressed bodies). Default false when absent.
   */
  isBase64Encoded?: boolean;
  /**
   * Response body as a string; base64 (padded, RFC 4648 §4) when `isBase64Encoded` is true — enforced by the `allOf` rule below.
   */
  body?: string;
};

/**
 * What an FC event function returns to an API Gateway call (ApiGatewayEvent); API Gateway turns it into the HTTP response sent to the client. The FC doc on API Gateway triggers gives the format `{"isBase64Encoded": true|false, "statusCode": httpStatusCode, "headers": {response headers}, "body": "..."}`, says a body of binary content must be base64 with `isBase64Encoded: true`, and that API Gateway answers 503 Service Unavailable when the function's result does not have this format. Only `statusCode` is required here: which missing fields API Gateway tolerates is not documented (assumption: a missing `body` is an empty body, a missing `isBase64Encoded` false, as in HttpTriggerResponse); a field that is present must have its documented type (a string statusCode such as "200", a body that is an object, `headers: null` are rejected). Example: the response of the official Fun API Gateway sample (alibaba/funcraft `examples/api-gateway/index.js`), its base64 body shortened to the message. See: https://www.alibabacloud.com/help/zh/functioncompute/fc-2-0/user-guide/configure-an-api-gateway-trigger
 */
export type ApiGatewayResponse = {
  /**
   * JSON boolean: true when `body` is base64 (required for binary content); false or absent when it is the text itself.
   */
  isBase64Encoded?: boolean;
  /**
   * HTTP status code of the response, a JSON integer in 100–599 (RFC 9110 §15).
   */
  statusCode: number;
  /**
   * Response headers, name → string value.
   */
  headers?: {
    [k: string]: string | undefined;
  };
  /**
   * Response body as a string; base64 (padded, RFC 4648 §4) when `isBase64Encoded` is true — enforced by the `allOf` rule below.
   */
  body?: string;
};

/**
 * The `request` argument of an FC 2.0 Node.js HTTP handler `exports.handler = (request, response, context) => {}`, as JSON data. In the runtime it is an `http.IncomingMessage` subclass (a readable stream that emits the body once, so `getRawBody(req)` works) carrying the plain fields below plus a `getHeader(name)` method; the methods and the stream are left out here. FC 2.0 builds it from the base64-JSON `x-fc-http-params` header (`{path, method, requestURI, clientIP, headersMap, queriesMap, host}`) — facts from runtime.md §4.1 (nodejs ≤16 runtime `httpparam.js`) and the FC 2.0 HTTP handler doc. Not to be confused with the devsapp/fc-event local-invoke parameter file `{path, method, headers, queries, body}`, which is a CLI input format, not this object. FC 3.0 custom runtimes/containers receive the raw HTTP request instead; FC 3.0 built-in runtimes receive HttpTriggerEvent. The example is built from the documented fields (no captured request object is published). See: https://www.alibabacloud.com/help/doc-detail/74757.html
 */
export interface Fc2HttpRequest {
  /**
   * Request method, upper case; one of the methods an HTTP trigger can be configured for (GET, POST, PUT, DELETE, HEAD, PATCH, OPTIONS — events.md §6.3).
   */
  method: "GET" | "POST" | "PUT" | "DELETE" | "HEAD" | "PATCH" | "OPTIONS";
  /**
   * Request path without the query string; the runtime defaults it to `/`. Via `https://<account>.<region>.fc.aliyuncs.com/2016-08-15/proxy/<svc>/<fn>/…` it is the path after that prefix in `fun local start`, while a custom container sees the full prefixed path (runtime.md §5) — fc-sim passes whatever the trigger URL mode yields.
   */
  path: string;
  /**
   * The request URI (`requestURI` of `x-fc-http-params`): path plus `?query` as sent, not decoded, no scheme/host (e.g. `/users?tag=a&tag=b`).
   */
  url: string;
  /**
   * Client IP address (IPv4 or IPv6). The runtime also exposes it as `ip` (runtime.md §4.1).
   */
  clientIP: string;
  /**
   * Alias of `clientIP` set by the nodejs ≤16 runtime (undocumented; runtime.md §4.1). Optional.
   */
  ip?: string;
  /**
   * Decoded query parameters: a key given once maps to a string, a repeated key to an array of its values in order (FC 2.0 HTTP handler doc: "value string or array"; runtime `httpparam.js`). Differs from FC 3.0, which comma-joins. `{}` when there is no query.
   */
  queries: {
    [k: string]: string | string[] | undefined;
  };
  /**
   * Request headers with LOWER-CASED names (Node `IncomingMessage` semantics; runtime.md §4.1). A repeated header is joined with ", " (comma + space), except `set-cookie`, which stays an array, and Node's "unique" headers (`content-type`, `authorization`, `host`, `user-agent`, `content-length`, …), which keep the first value. Request keys `connection`, `keep-alive` and `x-fc-*` are reserved by FC and not passed through as sent (FC 2.0 HTTP handler doc).
   */
  headers: {
    /**
     * The only header whose value may be an array (one element per occurrence), following Node's `IncomingMessage.headers` rule.
     */
    "set-cookie"?: string | string[];
    [k: string]: string | string[] | undefined;
  };
  /**
   * The raw request body. In the handler `request.body` is a Node `Buffer` (undocumented; the doc sample reads `req.body.toString()`, older samples use `getRawBody(req)`); as JSON data fc-sim represents it as a string holding the body bytes decoded as UTF-8 (binary bodies cannot round-trip through this field). Optional: "" or absent when the request has no body. Size limit 32 MB sync / 128 KB async (FC 2.0 HTTP handler doc).
   */
  body?: string;
}

/**
 * The `context` object an FC 2.0 Node.js runtime (nodejs6 … nodejs16) passes to event handlers, HTTP handlers and lifecycle hooks, as JSON data (what `JSON.stringify(context)` keeps: the `logger` methods are dropped, fields whose source header is missing are `undefined` and disappear). Field set and types follow the production nodejs ≤16 runtime (`context.js`, runtime.md §2.1), which builds every field from an `x-fc-*` request header; where the runtime and the docs disagree the runtime wins (tracing field names `openTracingSpan*`, no `function.initializer` in nodejs16 — kept optional because the docs and older runtimes have it). The example is built from the documented fields (doc values `cn-shanghai`, the doc log line's request id); no captured FC 2.0 context is published. See: https://www.alibabacloud.com/help/en/functioncompute/fc-2-0/user-guide/context-3
 */
export interface Fc2Context {
  /**
   * Request id from `x-fc-request-id` (the runtime throws if it is missing). FC 2.0 ids are UUIDs (doc log example `19b394a3-4fff-480c-9b5c-cbdfd6952f4e`), unlike FC 3.0's `1-xxxxxxxx-…` ids.
   */
  requestId: string;
  /**
   * Temporary STS credentials of the service role, valid 36 h (context doc). Each field is copied from `x-fc-access-key-id` / `x-fc-access-key-secret` / `x-fc-security-token` and is `undefined` (absent in JSON) when the service has no role, so `{}` is valid.
   */
  credentials: {
    /**
     * Temporary AccessKey ID (STS keys start with `STS.`).
     */
    accessKeyId?: string;
    /**
     * Temporary AccessKey secret.
     */
    accessKeySecret?: string;
    /**
     * STS security token.
     */
    securityToken?: string;
  };
  /**
   * FunctionMeta of the invoked function.
   */
  function: {
    /**
     * Function name (`x-fc-function-name`).
     */
    name: string;
    /**
     * Handler string `file.export` (`x-fc-function-handler`), e.g. `index.handler`.
     */
    handler: string;
    /**
     * Memory size in MB, an integer (`parseInt(x-fc-function-memory)`).
     */
    memory: number;
    /**
     * Function timeout in seconds, an integer (`parseInt(x-fc-function-timeout)`).
     */
    timeout: number;
    /**
     * Initializer handler (`x-fc-function-initializer`). Shown in the docs' sample and set by older (express-based) runtimes, but NOT set by the nodejs16 runtime (runtime.md §2.1) — optional.
     */
    initializer?: string;
    /**
     * Initializer timeout in seconds, integer (`x-fc-initialization-timeout`); same caveat as `initializer` — optional.
     */
    initializationTimeout?: number;
  };
  /**
   * ServiceMeta of the FC 2.0 service the function belongs to. Only `name` is required: the log fields are absent when the service has no log config, `qualifier`/`versionId` when their headers are not sent (local emulators).
   */
  service: {
    /**
     * Service name (`x-fc-service-name`). FC 3.0 has no services, hence no such field in Fc3Context.
     */
    name: string;
    /**
     * SLS project of the service log config (`x-fc-service-logproject`).
     */
    logProject?: string;
    /**
     * SLS logstore of the service log config (`x-fc-service-logstore`).
     */
    logStore?: string;
    /**
     * Version or alias used in the invocation (`x-fc-qualifier`), e.g. `LATEST`.
     */
    qualifier?: string;
    /**
     * Service version resolved from the qualifier (`x-fc-version-id`), a decimal version number as a string (e.g. "1"); absent when the header is not sent.
     */
    versionId?: string;
  };
  /**
   * Region id where the function runs (`x-fc-region`), e.g. `cn-shanghai`.
   */
  region: string;
  /**
   * Alibaba Cloud account id (UID) owning the function (`x-fc-account-id`), a digit string.
   */
  accountId: string;
  /**
   * `ContextLog` object with methods `log/debug/info/warn/error/setLogLevel` printing `<ISO time> <requestId> [<level>] <message>`. Functions are not JSON data, so `JSON.stringify(context)` keeps at most its plain data fields; optional and open here. Not a place to put data.
   */
  logger?: {};
  /**
   * Retry number of this (async) invocation, integer ≥ 0: `parseInt(x-fc-retry-count)`, 0 when the header is absent (runtime `context.js`; undocumented).
   */
  retryCount: number;
  /**
   * Tracing Analysis (Jaeger) parameters. Runtime names are `openTracingSpan*`; the docs list `spanContext`/`jaegerEndpoint`/`spanBaggages` instead (runtime.md §2.1) — the runtime names are used.
   */
  tracing: {
    /**
     * Span context string from `x-fc-tracing-opentracing-span-context`; absent when tracing is off.
     */
    openTracingSpanContext?: string;
    /**
     * Baggage items, parsed from the base64-JSON header `x-fc-tracing-opentracing-span-baggages`; `{}` by default (always present).
     */
    openTracingSpanBaggages: {};
    /**
     * Jaeger collector endpoint from `x-fc-tracing-jaeger-endpoint`; absent when tracing is off.
     */
    jaegerEndpoint?: string;
  };
  /**
   * Accessor on a runtime-global flag, default false (runtime `context.js`). When true the runtime delays fetching the NEXT invocation until the event loop is empty; it never delays the response (runtime.md §1.2). FC 2.0 name — FC 3.0 exposes `callbackWaitsForEmptyEventLoop` instead. Optional because an accessor may not survive `JSON.stringify`.
   */
  waitsForEmptyEventLoopBeforeCallback?: boolean;
}

/**
 * The `context` object an FC 3.0 Node.js built-in runtime (nodejs18/nodejs20) passes to handlers, as JSON data (logger methods dropped). Documented fields come from the FC 3.0 context doc (ServiceMeta has NO `name`: FC 3.0 has no services); the undocumented ones (`callbackWaitsForEmptyEventLoop`, `logger.requestId`/`logger.logLevel`, `retryCount`, `tracing.openTracingSpanBaggages`) from the real-world context captured in honojs/hono `src/adapter/alibaba-cloud-fc3/types.ts` (runtime.md §2.2). Example: that captured context with all values unchanged except `requestId` (in `requestId` and `logger.requestId`): hono's anonymised `1-1234678-12345678-123456789012` has a 7-digit first group, which no FC id has, so a real id from a public `s invoke` log (`1-65dd9ece-123e1745-e6b2fe71423f`) is used instead; the verbatim hono object fails only on that pattern. See: https://www.alibabacloud.com/help/en/functioncompute/user-guide/context
 */
export interface Fc3Context {
  /**
   * FC 3.0 request id: `1-` + 8 lower-case hex digits (the Unix time in seconds, e.g. `64f6cd87` = 2023-09-05T06:41:11Z in the HTTP trigger doc) + either `-<8 hex>-<12 hex>` or `-<24 hex>`. Both layouts occur in public `FC Invoke Start RequestId:` log lines (`1-65dd9ece-123e1745-e6b2fe71423f`, `1-65a24fa0-0b44b15d-431a6b32cc8c`, `1-6513e3fc-985ed1c8f1afcf92be9fe039`, `1-6551e2b4-a057ee3a45ccf4f082ae5d2d`). Exact pattern: `^1-[0-9a-f]{8}-(?:[0-9a-f]{8}-[0-9a-f]{12}|[0-9a-f]{24})$`. Unlike HttpTriggerEvent.requestContext.requestId, "" is not allowed. FC 2.0 used UUIDs.
   */
  requestId: string;
  /**
   * Temporary STS credentials of the function's role (valid 36 h, context doc). `{}` when the function has no role (hono capture). The same values are in env `ALIBABA_CLOUD_ACCESS_KEY_ID` / `ALIBABA_CLOUD_ACCESS_KEY_SECRET` / `ALIBABA_CLOUD_SECURITY_TOKEN`.
   */
  credentials: {
    /**
     * Temporary AccessKey ID (STS keys start with `STS.`).
     */
    accessKeyId?: string;
    /**
     * Temporary AccessKey secret.
     */
    accessKeySecret?: string;
    /**
     * STS security token.
     */
    securityToken?: string;
  };
  /**
   * FunctionMeta: `name`, `handler`, `memory`, `timeout` (context doc). FC 3.0 has no `initializer` here (lifecycle hooks are configured in `instanceLifecycleConfig`).
   */
  function: {
    /**
     * Function name.
     */
    name: string;
    /**
     * Handler string `file.export`, e.g. `index.handler`.
     */
    handler: string;
    /**
     * Memory size in MB, integer (FC 3.0: multiple of 64, 128–32768).
     */
    memory: number;
    /**
     * Function timeout in seconds, integer (FC 3.0: 1–86400).
     */
    timeout: number;
  };
  /**
   * ServiceMeta kept by FC 3.0 for compatibility: `logProject`, `logStore`, `qualifier`, `versionId` — no `name` (context doc). `versionId` is missing in the hono capture (qualifier LATEST), so it is optional; the log fields are required as in the doc and the capture.
   */
  service: {
    /**
     * SLS project of the function's log config (hono capture: `serverless-<region>-<uuid>`, the default project FC creates).
     */
    logProject: string;
    /**
     * SLS logstore of the function's log config (hono capture: `default-logs`).
     */
    logStore: string;
    /**
     * Version or alias used in the invocation, e.g. `LATEST`.
     */
    qualifier: string;
    /**
     * Function version resolved from the qualifier, decimal number as a string; absent for LATEST in the hono capture. Optional.
     */
    versionId?: string;
  };
  /**
   * Region id, e.g. `us-east-1`, `cn-hangzhou`.
   */
  region: string;
  /**
   * Alibaba Cloud account id (UID) owning the function, a digit string (not pattern-checked: published samples are anonymised).
   */
  accountId: string;
  /**
   * Context logger. Its methods (`debug/info/warn/error/log`) are dropped by `JSON.stringify`; the hono capture shows the remaining data fields `requestId` and `logLevel` (undocumented). Optional; open.
   */
  logger?: {
    /**
     * Same value as the top-level `requestId` (hono capture); not pattern-checked here.
     */
    requestId?: string;
    /**
     * Current log level (hono capture `{name: "debug", priority: 1}`).
     */
    logLevel?: {
      /**
       * Level name; hono types list `debug`, `info`, `warn`, `error`, `log`.
       */
      name?: string;
      /**
       * Numeric priority of the level (debug = 1 in the capture).
       */
      priority?: number;
    };
  };
  /**
   * Retry number of this invocation, integer ≥ 0 (undocumented; 0 in the hono capture). Optional.
   */
  retryCount?: number;
  /**
   * Tracing parameters (undocumented for FC 3.0); the hono capture has only `openTracingSpanBaggages: {}`. `openTracingSpanContext`/`jaegerEndpoint` as in FC 2.0 may appear when tracing is on (assumption). Optional.
   */
  tracing?: {
    /**
     * Span context string (FC 2.0 name; presence in FC 3.0 not verified).
     */
    openTracingSpanContext?: string;
    /**
     * Baggage items; `{}` when none.
     */
    openTracingSpanBaggages?: {};
    /**
     * Jaeger collector endpoint (FC 2.0 name; presence in FC 3.0 not verified).
     */
    jaegerEndpoint?: string;
  };
  /**
   * Undocumented flag, `false` in the hono capture; FC 3.0's counterpart of FC 2.0 `waitsForEmptyEventLoopBeforeCallback` (same name as AWS Lambda's). Optional.
   */
  callbackWaitsForEmptyEventLoop?: boolean;
}

/**
 * An OSS event name in trigger-config spelling (`oss:` prefix), as supported by native FC OSS triggers (events.md §1.2), or the documented wildcard `oss:ObjectCreated:*`.
 */
export type OssTriggerConfigOssTriggerEventName =
  | "oss:ObjectCreated:*"
  | "oss:ObjectCreated:PutObject"
  | "oss:ObjectCreated:PostObject"
  | "oss:ObjectCreated:CopyObject"
  | "oss:ObjectCreated:PutSymlink"
  | "oss:ObjectCreated:AppendObject"
  | "oss:ObjectCreated:InitiateMultipartUpload"
  | "oss:ObjectCreated:UploadPart"
  | "oss:ObjectCreated:UploadPartCopy"
  | "oss:ObjectCreated:CompleteMultipartUpload"
  | "oss:ObjectRemoved:DeleteObject"
  | "oss:ObjectRemoved:DeleteObjects"
  | "oss:ObjectRemoved:AbortMultipartUpload"
  | "oss:ObjectModified:UpdateObjectMeta"
  | "oss:ObjectReplication:ObjectCreated"
  | "oss:ObjectReplication:ObjectModified"
  | "oss:ObjectReplication:ObjectRemoved";

/**
 * triggerConfig of a native OSS trigger (triggerType `oss`), as the FC API (OSSTriggerConfig) and the fc3 component take it, plus the FC 2.0 spellings accepted by Serverless Devs fc 2.x and Fun (`bucketName`, `filter.Key.{Prefix,Suffix}`). Bucket and region come from the trigger's sourceArn `acs:oss:{region}:{accountId}:{bucketName}`, not from this object. Overlap rules between triggers on one bucket (max 10 native triggers, no overlapping event type + prefix + suffix) span several triggers and are checked outside this schema. See: https://www.alibabacloud.com/help/zh/functioncompute/fc/developer-reference/api-fc-2023-03-30-struct-osstriggerconfig
 */
export interface OssTriggerConfig {
  /**
   * OSS event types that fire the trigger, in the config spelling WITH the `oss:` prefix (the event payload's `eventName` drops it). Names are those the FC OSS-trigger overview lists for native triggers (events.md §1.2). The only wildcard accepted is `oss:ObjectCreated:*`: it is the one the FC docs, the API examples and the devsapp/fc3 `OSSEvents` enum document; `oss:ObjectRemoved:*` appears only in community samples and is rejected. `oss:ObjectReplication:*` names are listed by the FC 3.0 docs although missing from the fc3 enum: accepted. `oss:ObjectModified:UpdateObjectMeta` is only available in some regions (cn-hangzhou, cn-shanghai, cn-qingdao, cn-beijing, cn-zhangjiakou, cn-huhehaote, cn-shenzhen, cn-chengdu); the region is not known here, so it is not checked. Names that only EventBridge-based OSS triggers support (e.g. `oss:ObjectRestore:FinishRestore`) and OSS-notification-only `GetObject` are rejected.
   *
   * @minItems 1
   */
  events: [OssTriggerConfigOssTriggerEventName, ...OssTriggerConfigOssTriggerEventName[]];
  /**
   * Object-key filter. FC API / fc3 / Terraform spell it `filter.key.{prefix,suffix}` (lower-case); Serverless Devs fc 2.x (docs, TS interface, examples) and Fun spell it `filter.Key.{Prefix,Suffix}` (capitalised) and pass it through unchanged. Both spellings are accepted, but exactly one of `key` / `Key` must be present (all three tools require the key object). Prefix and suffix are plain strings: OSS filters support no regular expressions and no wildcards; an empty or absent value matches every key. Only EventBridge-based OSS triggers accept several prefixes/suffixes, so arrays are rejected here.
   */
  filter: (
    | {
        /**
         * FC API / fc3 spelling present.
         */
        key: {
          [k: string]: unknown | undefined;
        };
      }
    | {
        /**
         * FC 2.0 spelling present.
         */
        Key: {
          [k: string]: unknown | undefined;
        };
      }
  ) & {
    /**
     * FC API / fc3 spelling (lower-case keys).
     */
    key?: {
      /**
       * Object-key prefix, matched literally (no regex, no `*`). `""` or absent matches all keys. The FC API does not mark it required (fc3/fc docs and Fun do); it is optional here because absent and empty behave the same.
       */
      prefix?: string;
      /**
       * Object-key suffix, matched literally (no regex, no `*`), e.g. `.png`. `""` or absent matches all keys. Optional for the same reason as `prefix`.
       */
      suffix?: string;
    };
    /**
     * FC 2.0 spelling used by Serverless Devs fc 2.x (`filter.Key.Prefix`) and Fun (`Filter.Key.Prefix`), sent to the API unchanged. Same meaning as `key`.
     */
    Key?: {
      /**
       * Object-key prefix (FC 2.0 spelling of `key.prefix`), matched literally; `""` or absent matches all keys.
       */
      Prefix?: string;
      /**
       * Object-key suffix (FC 2.0 spelling of `key.suffix`), matched literally; `""` or absent matches all keys.
       */
      Suffix?: string;
    };
  };
  /**
   * Bucket name. Serverless Devs fc 2.x only (its docs mark it required, yet its own docs example omits it and uses `sourceArn` instead); fc3 and the FC API take the bucket only from `sourceArn`. Optional here; when both are given the simulator should check it matches the sourceArn's bucket.
   */
  bucketName?: string;
}

/**
 * triggerConfig of a timer trigger (triggerType `timer`), as the FC API (TimerTriggerConfig), Serverless Devs fc 2.x and fc3 take it. Fun's PascalCase `CronExpression`/`Enable`/`Payload` are template properties converted by the tool, not API keys. See: https://www.alibabacloud.com/help/id/functioncompute/api-fc-2023-03-30-struct-timertriggerconfig
 */
export interface TimerTriggerConfig {
  /**
   * When the trigger fires. Either `@every <n><unit>` (e.g. `@every 4m`, `@every 100m`; several `<n><unit>` groups such as `1h30m` are let through) or a 6-field cron `Seconds Minutes Hours Day-of-month Month Day-of-week` (e.g. `0 0 8 * * *`), evaluated in UTC unless prefixed by `CRON_TZ=<IANA zone> ` (e.g. `CRON_TZ=Asia/Shanghai 0 0 4 1 * *`). Source: https://help.aliyun.com/document_detail/171746.html. This pattern is deliberately coarse (shape only: prefix, field count, allowed characters); field ranges (Day-of-week 1-7 or MON-SUN, Month 1-12 or JAN-DEC, ...), the zone name and the `@every` minimum are checked by the separate cron module. 5-field (Unix) cron and descriptors such as `@daily` are not documented by FC and are rejected.
   */
  cronExpression: string;
  /**
   * Whether the trigger is enabled. Serverless Devs fc 2.x and fc3 docs mark it required; Fun and the FC API do not, so it is optional here. Note the devsapp/fc TS guard also (wrongly) requires `payload`.
   */
  enable?: boolean;
  /**
   * Free text handed to the function verbatim as the event's `payload` string; never parsed, so a JSON payload such as `{"s": "ss"}` arrives as a JSON string.
   */
  payload?: string;
}

/**
 * triggerConfig of an MNS (SMQ) topic trigger (triggerType `mns_topic`), as the FC API (MNSTopicTriggerConfig) and fc3 take it, plus the fc 2.x `topicName`/`region` keys. In fc3 and the API the topic comes from sourceArn `acs:mns:{region}:{accountId}:/topics/{topicName}` (note the `/` before `topics`). Fun sends PascalCase keys (`NotifyContentFormat`, `NotifyStrategy`, `FilterTag`) to the API for this trigger only; they are not declared here (the object stays open, `--strict` flags them). See: https://www.alibabacloud.com/help/id/functioncompute/api-fc-2023-03-30-struct-mnstopictriggerconfig
 */
export interface MnsTopicTriggerConfig {
  /**
   * Format of the event handed to the function: `STREAM` (default; raw message body bytes, or `{body, attrs}` JSON when the message has attributes) or `JSON` (object with TopicOwner, Message, PublishTime, ...). The fc3 TS interface types it as required; the API gives a default, so it is optional here.
   */
  notifyContentFormat?: "STREAM" | "JSON";
  /**
   * Retry policy when the push to FC fails: `BACKOFF_RETRY` (default; 3 retries, random 10-20 s interval) or `EXPONENTIAL_DECAY_RETRY` (176 retries, exponential up to 512 s, 1 day in total). Optional; the API default applies.
   */
  notifyStrategy?: "BACKOFF_RETRY" | "EXPONENTIAL_DECAY_RETRY";
  /**
   * Only messages published with this tag are pushed; at most 16 characters (fc 2.x/fc3 docs, API struct). Absent means no filtering.
   */
  filterTag?: string;
  /**
   * MNS topic name. Serverless Devs fc 2.x only (its docs mark it required although its docs example uses sourceArn instead); fc3 and the API take the topic from sourceArn. Optional here.
   */
  topicName?: string;
  /**
   * Region of the MNS topic, e.g. `cn-hangzhou`; defaults to the function's region. Serverless Devs fc 2.x only (its docs table types it `List`, its examples use a string: string chosen).
   */
  region?: string;
}

/**
 * triggerConfig of a Simple Log Service (SLS) trigger (triggerType `log`), as the FC API (FC 3.0 SLSTriggerConfig, FC 2.0 LogTriggerConfig), Serverless Devs fc 2.x and fc3 take it. The source project comes from sourceArn `acs:log:{region}:{accountId}:project/{projectName}`. The API struct pages mark no field required; `sourceConfig`, `jobConfig` and `logConfig` are required here because Fun, fc 2.x and fc3 all require them. See: https://www.alibabacloud.com/help/en/functioncompute/fc/developer-reference/api-fc-2023-03-30-struct-slstriggerconfig
 */
export interface SlsTriggerConfig {
  /**
   * The source the trigger subscribes to (API SourceConfig).
   */
  sourceConfig: {
    /**
     * Source Logstore name in the sourceArn's project; the trigger periodically reads new data from it and invokes the function (the event's `source.logstoreName`).
     */
    logstore: string;
  };
  /**
   * Polling interval and retry settings (API JobConfig, https://help.aliyun.com/document_detail/415688.htm). Both keys are optional in fc 2.x/fc3 docs (required by Fun's schema).
   */
  jobConfig: {
    /**
     * Maximum retries when invoking the function fails, 0-100. JSON integer only: the API type is long and every example (Fun, fc, fc3) uses a number; Serverless Devs docs/TS types say `String`, but YAML `3` is a number and a JSON string would not decode into the API's long, so numeric strings such as "3" are rejected.
     */
    maxRetryTime?: number;
    /**
     * Seconds between invocations, 3-600. JSON integer only, for the same reason as `maxRetryTime`.
     */
    triggerInterval?: number;
  };
  /**
   * Where SLS writes the trigger's own execution logs (API SLSTriggerLogConfig / JobLogConfig).
   */
  logConfig: {
    /**
     * SLS project for the trigger's execution logs.
     */
    project: string;
    /**
     * Logstore (in `project`) for the trigger's execution logs; usually not the source Logstore.
     */
    logstore: string;
  };
  /**
   * Arbitrary object passed to the function as the event's `parameter` (`{}` when unset). The API doc describes its values as strings ("must be a JSON string") while every example passes an arbitrary object (`{key: val}`, `{}`, nested objects in Aliyun's own SLS ETL functions): any object is accepted. fc 2.x/fc3 docs mark it required with default `{}`; optional here.
   */
  functionParameter?: {};
  /**
   * Whether the trigger is enabled (false: the configuration does not take effect). fc 2.x/fc3 docs mark it required, Fun and the API do not: optional here. Fun's converter sends it as capital `Enable` (not declared; `--strict` flags it).
   */
  enable?: boolean;
}

/**
 * triggerConfig of a CDN event trigger (triggerType `cdn_events`), as the FC API (FC 3.0 CDNTriggerConfig, FC 2.0 CDNEventsTriggerConfig), Serverless Devs fc 2.x and fc3 take it. sourceArn is `acs:cdn:*:{accountId}`. One trigger per event name. Fun's `Filter.Domain` is lower-cased (`_.lowerFirst`) by the tool into `filter.domain`. See: https://help.aliyun.com/zh/functioncompute/developer-reference/api-fc-2023-03-30-struct-cdntriggerconfig
 */
export interface CdnTriggerConfig {
  /**
   * CDN event that fires the trigger (events.md §5.2); cannot be changed after creation.
   */
  eventName:
    | "LogFileCreated"
    | "CachedObjectsRefreshed"
    | "CachedObjectsPushed"
    | "CachedObjectsBlocked"
    | "CdnDomainStarted"
    | "CdnDomainStopped"
    | "CdnDomainAdded"
    | "CdnDomainDeleted";
  /**
   * Event version; "only 1.0.0 is supported" (API struct). The EN CDNEventsTriggerConfig page's sample value `1.0.1` contradicts that and is rejected. A string: YAML `1.0.0` unquoted is already a string. Cannot be changed after creation.
   */
  eventVersion: "1.0.0";
  /**
   * Free-text remark. Required by Fun, fc 2.x and fc3 docs.
   */
  notes: string;
  /**
   * Filters as a map of filter name to string list (API `map<string, string[]>`); at least one filter. `domain` is the only documented filter and is required; other keys are let through as string lists (the map is closed to non-array values by definition).
   */
  filter: {
    /**
     * Accelerated domains whose events fire the trigger, e.g. `www.taobao.com`. At least one.
     *
     * @minItems 1
     *
     * Items: An accelerated domain name.
     */
    domain: [string, ...string[]];
    /**
     * Any other (undocumented) filter: a list of string values.
     *
     * Items: A filter value.
     */
    [k: string]: string[] | [string, ...string[]] | undefined;
  };
}

/**
 * triggerConfig of an HTTP trigger (triggerType `http`), as the FC API (HTTPTriggerConfig) and the fc 2.x / fc3 components take it. `jwt` authentication exists only in FC 3.0 (fc3 component; the API struct documents authConfig as a string). Fun's upper-case `ANONYMOUS`/`FUNCTION` is lower-cased by Fun before the API call, so only lower-case values are accepted. See: https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/developer-reference/api-fc-2023-03-30-struct-httptriggerconfig
 */
export type HttpTriggerConfig = {
  /**
   * Authentication: `anonymous` (none), `function` (FC signature; the API default) or `jwt` (FC 3.0 only; requires `authConfig`). Required by Fun, fc 2.x and fc3 although the API has a default. Lower-case only: Fun's `ANONYMOUS`/`FUNCTION` are a tool spelling normalised before the API call.
   */
  authType: "anonymous" | "function" | "jwt";
  /**
   * HTTP methods the trigger accepts; at least one, no duplicates. FC allows all 7 (API struct, fc3 `Methods` enum); Fun's schema only allowed GET/POST/PUT/DELETE/HEAD and fc 2.x EN docs omit OPTIONS, but the API accepts them.
   *
   * @minItems 1
   *
   * Items: An HTTP method, upper-case.
   */
  methods: [
    "GET" | "POST" | "PUT" | "DELETE" | "HEAD" | "PATCH" | "OPTIONS",
    ...("GET" | "POST" | "PUT" | "DELETE" | "HEAD" | "PATCH" | "OPTIONS")[]
  ];
  /**
   * When true, requests to the function's default public URL (`*.fcapp.run`) get 403; default false.
   */
  disableURLInternet?: boolean;
  /**
   * Authentication configuration, required when `authType` is `jwt`. Either the fc3 component's object form (JwtAuthConfig) or, as in the API struct, a JSON-encoded string (API example `{"JWKS":{…},"TokenLookup":"header:Authorization:Bearer,cookie:AuthorizationCookie","ClaimPassBy":"query:uid:uid,header:name:name"}`); a string must look like a JSON object and is not validated further here.
   */
  authConfig?: {
    [k: string]: unknown | undefined;
  };
};

/**
 * An API Gateway API whose backend is an FC event function, as fc-sim's project model keeps it (the function's trigger of type `apigw`). API Gateway is not an FC trigger type: FC's CreateTrigger and the Serverless Devs fc / fc3 components have no such triggerType (the API is created on API Gateway's side; Serverless Devs has a separate `apigateway` component, and its fun→s transform says `Aliyun::Serverless::Api` is not supported). Fun declares it as an `Aliyun::Serverless::Api` resource whose `DefinitionBody` maps a request path and a method to `x-aliyun-apigateway-fc: {arn: acs:fc:::services/${service.Arn}/functions/${function.Arn}/, timeout}` (alibaba/funcraft, formerly aliyun/fun: `docs/specs/2018-04-03.md`, `examples/api-gateway/template.yml`); fc-sim reads each such path and method into this object: the path and method from the DefinitionBody keys (method upper-cased), the stage from `StageName`, the group from the resource name, the rest from the `x-aliyun-apigateway-*` keys with parameter locations upper-cased. Example: the API of Fun's official API Gateway sample. See: https://www.alibabacloud.com/help/zh/functioncompute/fc-2-0/user-guide/configure-an-api-gateway-trigger
 */
export interface ApiGatewayApiConfig {
  /**
   * The API's request path: literal segments and `[name]` path parameters (`/users/[id]`), from the root.
   */
  requestPath: string;
  /**
   * The API's HTTP method, upper case; `ANY` accepts every method.
   */
  method: "GET" | "POST" | "PUT" | "DELETE" | "HEAD" | "PATCH" | "OPTIONS" | "ANY";
  /**
   * The environment the API is published to (Fun's required `StageName`). API Gateway has three: RELEASE, PRE, TEST (Fun's spec example `prod` is not one of them).
   */
  stageName?: "RELEASE" | "PRE" | "TEST";
  /**
   * The API group: the name of Fun's `Aliyun::Serverless::Api` resource.
   */
  group?: string;
  /**
   * `x-aliyun-apigateway-api-name`; Fun derives one from the path and method when absent.
   */
  apiName?: string;
  /**
   * `x-aliyun-apigateway-fc.timeout`: how long API Gateway waits for the function, in milliseconds.
   */
  timeout?: number;
  /**
   * `x-aliyun-apigateway-request-config.requestMode`: MAPPING passes the parameters defined below, PASSTHROUGH the request as sent.
   */
  requestMode?: "MAPPING" | "PASSTHROUGH";
  /**
   * `x-aliyun-apigateway-request-parameters`: the API's parameters. API Gateway answers a request without a REQUIRED query parameter or header itself (400, e.g. I400MH `Header … is Required`; API Gateway error codes, https://www.alibabacloud.com/help/en/api-gateway/traditional-api-gateway/support/error-codes), without invoking the function.
   */
  requestParameters?: {
    /**
     * The parameter's name: the query parameter or header name, or the `[name]` of a PATH parameter.
     */
    apiParameterName: string;
    /**
     * Where the parameter is: QUERY, HEAD (a header), PATH, BODY (a form field); Fun's sample writes `Query`, upper-cased when read.
     */
    location: "QUERY" | "HEAD" | "PATH" | "BODY";
    /**
     * REQUIRED or OPTIONAL (default).
     */
    required?: "REQUIRED" | "OPTIONAL";
    /**
     * String, Int, Long, Float, Double, Boolean.
     */
    parameterType?: string;
  }[];
}

/**
 * triggerConfig of a Tablestore (OTS) trigger (triggerType `tablestore`). In fc3 and the FC API it is an empty object `{}` (required but with no parameters); instance and table come only from sourceArn `acs:ots:{region}:{accountId}:instance/{instance}/table/{table}`. Serverless Devs fc 2.x also accepts `instanceName`/`tableName` here; Fun takes `InstanceName`/`TableName` as template properties, builds the sourceArn from them and sends `{}`. The FC API has no struct page for this config, so the link is the Tablestore trigger guide. See: https://www.alibabacloud.com/help/en/functioncompute/fc/tablestore-triggers
 */
export interface TablestoreTriggerConfig {
  /**
   * Tablestore instance name. Serverless Devs fc 2.x only (its docs mark it required); ignored by fc3/the API, which read it from sourceArn. Optional here; when given, the simulator should check it matches the sourceArn's instance.
   */
  instanceName?: string;
  /**
   * Table name within the instance. Serverless Devs fc 2.x only (its docs mark it required); optional here, as for `instanceName`.
   */
  tableName?: string;
}

/**
 * triggerConfig of an EventBridge-based trigger (triggerType `eventbridge`), as the FC API (EventBridgeTriggerConfig), Serverless Devs fc 2.x and fc3 take it. Used for MNS queue, RocketMQ, RabbitMQ, Kafka, DTS, MQTT and EventBridge-bus sources (incl. EventBridge-based OSS triggers). Keys inside the source parameter, retry, dead-letter and batch-window objects are PascalCase (`QueueName`, `PushRetryStrategy`, ...), unlike the rest. sourceArn, when given, is `acs:eventbridge:{region}:{accountId}:eventbus/{bus}/rule/{rule}` or `…:eventstreaming/{name}`. See: https://www.alibabacloud.com/help/en/functioncompute/fc/developer-reference/api-fc-2023-03-30-struct-eventbridgetriggerconfig
 */
export interface EventBridgeTriggerConfig {
  /**
   * Enables the trigger (default true). Event-driven: the EventBridge rule's enable switch; event-streaming: start/stop of the event stream, which reads back as false until the stream has started.
   */
  triggerEnable?: boolean;
  /**
   * Invocation mode used by the trigger (default false). The FC docs disagree on the meaning of true: the FC 2.0 struct (api-fc-open-2021-04-06) says true = asynchronous, false = synchronous, matching the field name; current FC 3.0 struct pages (zh/ja/pt) say true = synchronous, false = asynchronous. The schema only checks the type; the simulator follows the field name (true = asynchronous) until verified.
   */
  asyncInvocationType?: boolean;
  /**
   * EventBridge event pattern as a JSON-encoded STRING (not an object), e.g. `{"source":["acs.oss"],"type":["oss:BucketCreated:PutBucket"]}`; `{}` matches everything. The schema only checks that it looks like a JSON object: that it parses, that every leaf is a list of values or operators (`prefix`, `suffix`, `contains`, `anything-but`, `numeric`, `cidr`, `exists`) and what it lets through are fc-sim's EventBridge modules' work (lint, test). Operators: https://www.alibabacloud.com/help/en/eventbridge/user-guide/event-patterns . Required by fc 2.x docs and the fc3 interface.
   */
  eventRuleFilterPattern: string;
  /**
   * Event source (API EventSourceConfig, https://alibabacloud.com/help/en/functioncompute/fc-3-0/developer-reference/api-fc-2023-03-30-struct-eventsourceconfig).
   */
  eventSourceConfig: {
    /**
     * Source kind: `Default` (EventBridge bus / Alibaba Cloud service events), `MNS`, `RocketMQ`, `RabbitMQ`, `Kafka`, `DTS`, `MQTT` (MQTT is in the API docs, not in the Serverless Devs docs). Cannot be updated after creation.
     */
    eventSourceType: "Default" | "MNS" | "RocketMQ" | "RabbitMQ" | "Kafka" | "DTS" | "MQTT";
    /**
     * Parameters of a custom source, one sub-object per source kind (API EventSourceParameters); the one of the trigger's eventSourceType is required for MNS, RocketMQ, RabbitMQ and Kafka (see allOf). Keys inside are PascalCase, as in the EventBridge API; the objects stay open (EventBridge adds parameters: network, authentication, …).
     */
    eventSourceParameters?: {
      /**
       * MNS queue source (SourceMNSParameters): `QueueName` required (fc 2.x docs), `RegionId`, `IsBase64Decode`.
       */
      sourceMNSParameters?: {
        /**
         * Region of the queue, e.g. `cn-hangzhou` (the function's region when absent).
         */
        RegionId?: string;
        /**
         * Name of the MNS queue.
         */
        QueueName: string;
        /**
         * Whether EventBridge base64-DECODES the message before delivery: false (the FC default) delivers `data.messageBody` base64-encoded, true delivers the text (awesome-fc java11 mns-queue `App.java` comment; EventBridge SourceMNSParameters).
         */
        IsBase64Decode?: boolean;
      };
      /**
       * ApsaraMQ for RocketMQ source (SourceRocketMQParameters): `InstanceId` and `Topic` required; `RegionId`, `GroupID`, `Tag` (a tag expression), `Offset`, `Timestamp` (ms, with CONSUME_FROM_TIMESTAMP), and network/authentication parameters.
       */
      sourceRocketMQParameters?: {
        /**
         * Region of the instance.
         */
        RegionId?: string;
        /**
         * Instance id (`MQ_INST_<uid>_<suffix>` for 4.x, `rmq-cn-…` for 5.x).
         */
        InstanceId: string;
        /**
         * Topic to consume.
         */
        Topic: string;
        /**
         * Consumer group id (`GID_…`).
         */
        GroupID?: string;
        /**
         * Message tag filter; `*` or absent for every tag.
         */
        Tag?: string;
        /**
         * Where consumption starts.
         */
        Offset?: "CONSUME_FROM_LAST_OFFSET" | "CONSUME_FROM_FIRST_OFFSET" | "CONSUME_FROM_TIMESTAMP";
        /**
         * Start time, epoch ms (with CONSUME_FROM_TIMESTAMP).
         */
        Timestamp?: number;
      };
      /**
       * ApsaraMQ for RabbitMQ source (SourceRabbitMQParameters): `InstanceId`, `VirtualHostName` and `QueueName` required; `RegionId`.
       */
      sourceRabbitMQParameters?: {
        /**
         * Region of the instance.
         */
        RegionId?: string;
        /**
         * Instance id (`amqp-cn-…`).
         */
        InstanceId: string;
        /**
         * Virtual host.
         */
        VirtualHostName: string;
        /**
         * Queue to consume.
         */
        QueueName: string;
      };
      /**
       * ApsaraMQ for Kafka source (SourceKafkaParameters): `InstanceId`, `Topic` and `ConsumerGroup` required (devsapp/fc3 e2e s.yaml); `RegionId`, `OffsetReset`, `Network`, `VpcId`, `VSwitchIds`, `SecurityGroupId`, and `ValueDataType`.
       */
      sourceKafkaParameters?: {
        /**
         * Region of the instance.
         */
        RegionId?: string;
        /**
         * Instance id (`alikafka_post-cn-…`, `alikafka_pre-cn-…`).
         */
        InstanceId: string;
        /**
         * Topic to consume.
         */
        Topic: string;
        /**
         * Consumer group.
         */
        ConsumerGroup: string;
        /**
         * Where consumption starts.
         */
        OffsetReset?: "latest" | "earliest";
        /**
         * `Default` or `PublicNetwork` (then VpcId, VSwitchIds, SecurityGroupId).
         */
        Network?: "Default" | "PublicNetwork";
        /**
         * VPC id (PublicNetwork).
         */
        VpcId?: string;
        /**
         * vSwitch ids (PublicNetwork).
         */
        VSwitchIds?: string;
        /**
         * Security group id (PublicNetwork).
         */
        SecurityGroupId?: string;
        /**
         * How a record's value reaches the function in `data.value`: `Text` (a string, what every FC sample shows, hence fc-sim's default), `Json` (the parsed JSON value), `Binary` (base64 of the bytes). This is the EventBridge Kafka source's value data format; FC's own SourceKafkaParameters struct does not list it (unverified for FC triggers): fc-sim reads it to choose the form of `data.value`.
         */
        ValueDataType?: "Json" | "Text" | "Binary";
      };
      /**
       * DTS source (SourceDTSParameters): `RegionId`, `BrokerUrl`, `Topic`, `Sid`, `Username`, `Password`, `InitCheckPoint` (epoch s), `TaskId`.
       */
      sourceDTSParameters?: {
        /**
         * Region of the DTS task.
         */
        RegionId?: string;
        /**
         * Subscription endpoint, `host:port`.
         */
        BrokerUrl?: string;
        /**
         * Subscription topic.
         */
        Topic?: string;
        /**
         * Consumer group id.
         */
        Sid?: string;
        /**
         * Consumer group user.
         */
        Username?: string;
        /**
         * Consumer group password.
         */
        Password?: string;
        /**
         * Start point, epoch seconds.
         */
        InitCheckPoint?: number;
        /**
         * Subscription task id.
         */
        TaskId?: string;
      };
      /**
       * MQTT source (API docs only): instance, region and topic parameters.
       */
      sourceMQTTParameters?: {};
    };
  };
  /**
   * Event target (FC side) settings (API EventSinkConfig).
   */
  eventSinkConfig?: {
    /**
     * Delivery model.
     */
    deliveryOption?: {
      /**
       * `event-driven` (EventBridge rule; one CloudEvent per invocation) or `event-streaming` (event stream; batches). Kafka and DTS sources support only `event-streaming`.
       */
      mode?: "event-driven" | "event-streaming";
      /**
       * Payload format handed to the function: `CloudEvents` (CloudEvents 1.0 envelope) or `RawData` (the source data only).
       */
      eventSchema?: "CloudEvents" | "RawData";
      /**
       * Maximum concurrent invocations for event-streaming delivery; a positive integer.
       */
      concurrency?: number;
    };
  };
  /**
   * Runtime options of the event stream (API RunOptions): `mode`, `maximumTasks`, `errorsTolerance`, `retryStrategy{PushRetryStrategy, MaximumEventAgeInSeconds, MaximumRetryAttempts}`, `deadLetterQueue{Arn}`, `batchWindow{CountBasedWindow, TimeBasedWindow}` (PascalCase inside the nested objects). Open object.
   */
  runOptions?: {
    /**
     * Same values as eventSinkConfig.deliveryOption.mode.
     */
    mode?: "event-driven" | "event-streaming";
    /**
     * Concurrent consumer tasks (Kafka: at most the topic's partitions).
     */
    maximumTasks?: number;
    /**
     * `ALL` skips events that keep failing, `NONE` stops the stream.
     */
    errorsTolerance?: "ALL" | "NONE";
    /**
     * Retries of a failed push.
     */
    retryStrategy?: {
      /**
       * Retry curve.
       */
      PushRetryStrategy?: "BACKOFF_RETRY" | "EXPONENTIAL_DECAY_RETRY";
      /**
       * Oldest event retried, seconds.
       */
      MaximumEventAgeInSeconds?: number;
      /**
       * Most retries.
       */
      MaximumRetryAttempts?: number;
    };
    /**
     * Where events that keep failing go.
     */
    deadLetterQueue?: {
      /**
       * ARN of the queue or topic.
       */
      Arn?: string;
    };
    /**
     * Batch push (FC 'triggers: advanced features', https://help.aliyun.com/document_detail/455240.html): FC pushes a batch when either window fills. fc-sim tests handlers with batches of 1 to CountBasedWindow events.
     */
    batchWindow?: {
      /**
       * Most events in one invocation: 1–10000 (the doc's range; an older revision said 1–500).
       */
      CountBasedWindow?: number;
      /**
       * Seconds FC waits to fill a batch: 0–15 (0 pushes at once).
       */
      TimeBasedWindow?: number;
    };
  };
}

/** The type of a valid value, by schema name. */
export interface SchemaTypes {
  "oss": OssEvent;
  "timer": TimerEvent;
  "mns-json": MnsTopicJsonEvent;
  "mns-stream": MnsTopicStreamEvent;
  "sls": SlsEvent;
  "cdn": CdnEvent;
  "http": HttpTriggerEvent;
  "tablestore": TablestoreEvent;
  "apigw": ApiGatewayEvent;
  "eventbridge": EventBridgeEvent;
  "http-response": HttpTriggerResponse;
  "apigw-response": ApiGatewayResponse;
  "fc2-http-request": Fc2HttpRequest;
  "context-fc2": Fc2Context;
  "context-fc3": Fc3Context;
  "oss-trigger-config": OssTriggerConfig;
  "timer-trigger-config": TimerTriggerConfig;
  "mns-trigger-config": MnsTopicTriggerConfig;
  "sls-trigger-config": SlsTriggerConfig;
  "cdn-trigger-config": CdnTriggerConfig;
  "http-trigger-config": HttpTriggerConfig;
  "apigw-trigger-config": ApiGatewayApiConfig;
  "tablestore-trigger-config": TablestoreTriggerConfig;
  "eventbridge-trigger-config": EventBridgeTriggerConfig;
}
