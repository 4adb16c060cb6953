/** The inbox contract (我的待办): the tasks a module publishes as a snapshot of what waits on one of its objects, whom they wait for, and the events of the inbox. */
package org.yunjian.shared.work;
