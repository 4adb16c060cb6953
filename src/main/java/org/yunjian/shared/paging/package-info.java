/** Paging and list filters, the same in every module: the page a caller asks for, one page of a list with its total, the pager a page renders, and one page read in SQL. */
package org.yunjian.shared.paging;
