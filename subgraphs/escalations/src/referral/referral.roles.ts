import { Role } from '@safeguarding/shared';

/**
 * Those who work cases: they make referrals and respond to them. Least privilege (DOMAIN.md §6):
 * a partnership role held in the same organisation gives no sight of a child's referral.
 */
export const referralRoles: readonly Role[] = [
  Role.PRACTITIONER,
  Role.DESIGNATED_SAFEGUARDING_LEAD,
  Role.SAFEGUARDING_MANAGER,
];
