// office-addin-manifest pulls ESM-only packages that jest cannot load; tests need only this enum.
module.exports = { OfficeApp: { Excel: "excel" } };
