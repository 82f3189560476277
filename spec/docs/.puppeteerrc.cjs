// @asyncapi/html-template depends on puppeteer (for its optional PDF output, which this build
// does not use): never download a browser at install time. The docs test uses the system
// chromium instead.
module.exports = { skipDownload: true };
