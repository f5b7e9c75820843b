/**
 * Entry of the issuing bundle (dist/issuing.js): Create License, license documents, New License
 * Version, Deactivate and Delete License, Create and Delete Token, and the export file writer with
 * its CSV library. Loaded on the first use of one of them, so that activation does not carry them;
 * see `issuing.ts` for the commands that load it (and `exportList.ts` for the writer).
 */
export { runCreateLicense } from './createLicense';
export { runSubmitLicenseDocument } from './submitLicenseDocument';
export { runNewLicenseVersion } from './newLicenseVersion';
export { runDeactivateLicense } from './deactivateLicense';
export { runDeleteLicense } from './deleteLicense';
export { runCreateToken } from './createToken';
export { runDeleteToken } from './deleteToken';
export { checkLicenseDocument } from '../model/licenseDocument';
export { exportList as writeExportList, isExportError } from '../data/export';
