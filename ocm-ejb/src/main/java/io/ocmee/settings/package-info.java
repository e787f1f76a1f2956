/** Settings. */
package io.ocmee.settings;
