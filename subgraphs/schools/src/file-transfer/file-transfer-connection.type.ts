import { connectionOf } from '@safeguarding/shared';
import { ChildProtectionFileTransfer } from './file-transfer.entity';

export const FileTransferConnection = connectionOf<ChildProtectionFileTransfer>(
  () => ChildProtectionFileTransfer,
  'ChildProtectionFileTransfer',
  'A page of child protection file transfers, the oldest move first; totalCount is counted only when asked for',
);
