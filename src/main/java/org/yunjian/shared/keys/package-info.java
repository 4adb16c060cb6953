/** The installation's key directory of owner-only secret files, the texts sealed under its keys, and the installation seal. */
package org.yunjian.shared.keys;
