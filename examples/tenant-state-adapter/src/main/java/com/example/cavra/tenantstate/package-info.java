/**
 * An example private adapter for the CAVRA SaaS control plane: {@link com.example.cavra.tenantstate.TenantStateAdapter}
 * answers from a tenant state file, and {@link com.example.cavra.tenantstate.TenantStateAdapterProvider} registers it
 * as {@code tenant-state}. It lives in its own package, outside {@code io.cavra}, as a private team's code would.
 */
package com.example.cavra.tenantstate;
