using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Validation;

namespace ChatOps.Reports.Tests.Docx;

public sealed class DocxValidityTests
{
    [Theory]
    [InlineData("en", FileFormatVersions.Office2007)]
    [InlineData("zh-CN", FileFormatVersions.Office2007)]
    [InlineData("en", FileFormatVersions.Microsoft365)]
    [InlineData("zh-CN", FileFormatVersions.Microsoft365)]
    public void The_Word_report_passes_the_Open_XML_validator_with_no_error(string language, FileFormatVersions version)
    {
        using var docx = CompiledReport.Default.Docx(language);

        var errors = new OpenXmlValidator(version).Validate(docx).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }
}
