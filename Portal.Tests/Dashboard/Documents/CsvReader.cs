using System.Text;

namespace Portal.Tests.Dashboard.Documents;

/// <summary>A strict RFC 4180 reader (with <c>;</c>) to read exports back: quoted fields, doubled quotes, CRLF records.</summary>
public static class CsvReader
{
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && field.Length == 0)
            {
                i++;
                while (true)
                {
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        field.Append(text[i++]);
                    }
                }
            }
            else if (text[i] == ';')
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i += 2;
            }
            else if (text[i] is '\r' or '\n' or '"')
            {
                throw new FormatException($"Unquoted {(int)text[i]} at {i}");
            }
            else
            {
                field.Append(text[i++]);
            }
        }

        Assert.True(fields.Count == 0 && field.Length == 0, "the last record must end with CRLF");
        return records;
    }
}
