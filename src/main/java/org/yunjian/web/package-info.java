/** The shared web shell: layout, navigation, locale switching, error pages and the REST problem advice. */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell")
package org.yunjian.web;
