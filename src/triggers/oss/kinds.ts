import type { KindSpec } from '../types.js';
import type { OssEventParams } from './build.js';

export const ossKinds: readonly KindSpec<OssEventParams>[] = [
  { name: 'oss:put', fixed: { eventName: 'ObjectCreated:PutObject' }, description: 'an object uploaded with PutObject' },
  {
    name: 'oss:post',
    fixed: { eventName: 'ObjectCreated:PostObject' },
    description: 'an object uploaded by a browser form (PostObject)',
    params: { key: 'uploads/avatar.jpg', size: 7107, mimeType: 'image/jpeg' },
  },
  { name: 'oss:copy', fixed: { eventName: 'ObjectCreated:CopyObject' }, description: 'an object created by CopyObject', params: { key: 'backup/example.png' } },
  {
    name: 'oss:append',
    fixed: { eventName: 'ObjectCreated:AppendObject' },
    description: 'data appended to an appendable object (position = where the append started)',
    params: { key: 'logs/app.log', size: 2048, deltaSize: 1024, mimeType: 'text/plain' },
  },
  {
    name: 'oss:multipart',
    fixed: { eventName: 'ObjectCreated:CompleteMultipartUpload' },
    description: 'a multipart upload completed',
    params: { key: 'uploads/archive.zip', size: 52428800, mimeType: 'application/zip' },
  },
  {
    name: 'oss:symlink',
    fixed: { eventName: 'ObjectCreated:PutSymlink' },
    description: 'a symbolic link created (PutSymlink)',
    params: { key: 'latest.png', size: 0 },
  },
  {
    name: 'oss:delete',
    fixed: { eventName: 'ObjectRemoved:DeleteObject' },
    description: 'an object deleted (deltaSize is minus its size)',
    params: { mimeType: undefined },
  },
  {
    name: 'oss:delete-multiple',
    fixed: { eventName: 'ObjectRemoved:DeleteObjects' },
    description: 'one of the objects deleted by DeleteObjects (OSS sends one event per object)',
    params: { mimeType: undefined },
  },
  {
    name: 'oss:abort-multipart',
    fixed: { eventName: 'ObjectRemoved:AbortMultipartUpload' },
    description: 'a multipart upload aborted',
    params: { key: 'uploads/archive.zip', size: 0, mimeType: undefined },
  },
  {
    name: 'oss:update-meta',
    fixed: { eventName: 'ObjectModified:UpdateObjectMeta' },
    description: "an object's metadata changed (only some cn- regions deliver it)",
    params: { userMeta: { 'x-oss-meta-last-modified': '20250213' } },
  },
];
