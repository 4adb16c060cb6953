/** One way for a page to refuse a form: field errors, a stale version, a conflict — the same model attributes everywhere. */
package org.yunjian.shared.refusal;
