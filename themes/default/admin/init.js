/* sitegen web editor: Decap CMS waits until sitegen-cms.js has registered its format, checks and preview. */
window.CMS_MANUAL_INIT = true;
