/**
 * Spreadsheet files people upload (CSV or Excel .xlsx with a header row), read row by row without
 * holding the file in memory, and refused with a reason when they are not what they claim:
 * the content decides, never the file name. And lists exported as such files, streamed row by row
 * with nothing a spreadsheet would run as a formula.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Spreadsheet files")
package dev.outdial.tabular;
