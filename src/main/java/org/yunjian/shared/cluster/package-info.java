/** Work shared by the application nodes on one database: the node registry and jobs that run once per interval across the cluster. */
package org.yunjian.shared.cluster;
