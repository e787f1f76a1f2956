/**
 * The signed-in local user as the OCM module sees it: {@link io.ocmee.account.AccountService}
 * answers "who am I and what is my OCM address" with an {@link io.ocmee.account.Account} value.
 */
package io.ocmee.account;
