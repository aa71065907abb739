/** Copy and paste of canvas selections as pipeline JSON, within and across studio windows. */
package dev.streamwright.designer.document.clipboard;
