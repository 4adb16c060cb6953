/**
 * The sealed file vault: files kept by any feature (assessment evidence, lifecycle duties, provider selection,
 * migration acceptance, imported findings) are typed by their content, size-limited, SM3-hashed and sealed with SM4-GCM
 * under a fresh per-file key wrapped under the vault's master key ({@code evidence-master.key}). Each feature keeps the
 * returned {@link org.yunjian.vault.Vault.Sealed} metadata in its own table; the vault owns no table, only the blobs
 * and the key. Ground floor: it uses no feature.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Sealed file vault",
        allowedDependencies = {"crypto", "shared"})
package org.yunjian.vault;
