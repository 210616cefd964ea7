using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Portal.Domain.Tenancy;

namespace Portal.Tests.Onboarding;

public class ImportTemplateTests
{
    [Theory]
    [InlineData(Sector.Retail)]
    [InlineData(Sector.Manufacturing)]
    public void The_template_is_a_valid_workbook_by_the_Open_XML_schema(Sector sector)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Workbooks.Template(sector)), false);

        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath} {e.Description}"));
    }
}
