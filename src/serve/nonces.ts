/**
 * The ACS3 signature nonces (`x-acs-signature-nonce`) a server has accepted and still remembers. Alibaba Cloud's V3
 * signature doc gives the nonce one purpose, "prevent network replay attacks: use a different random number for each
 * request" (https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature), and bounds
 * `x-acs-date` to 15 minutes: a nonce is remembered while its request's date is within them, after which the date
 * check refuses the request anyway.
 */
export class NonceLedger {
  /** `<AccessKeyId> <nonce>` → when it may be forgotten (ms); in order of arrival. */
  private readonly seen = new Map<string, number>();

  /** Beyond this many remembered nonces the oldest are forgotten early: a flood of requests cannot exhaust memory. */
  constructor(private readonly capacity = 100_000) {}

  /** Records a nonce until `forgetAfter` (ms); false when it is still remembered (a replay). */
  claim(accessKeyId: string, nonce: string, now: number, forgetAfter: number): boolean {
    for (const [key, expires] of this.seen) {
      if (expires > now && this.seen.size < this.capacity) break;
      this.seen.delete(key);
    }
    const key = `${accessKeyId} ${nonce}`;
    const expires = this.seen.get(key);
    if (expires !== undefined && expires > now) return false;
    this.seen.delete(key);
    this.seen.set(key, forgetAfter);
    return true;
  }
}
