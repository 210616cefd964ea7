using MudBlazor;
using Portal.Domain.Common;

namespace Portal.Web.Components.Shared;

/// <summary>Turns a MudDataGrid's server-data request into the services' <see cref="PageRequest"/>, and their page back.</summary>
public static class GridPaging
{
    public static PageRequest Request<T>(GridState<T> state)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        return new PageRequest(state.Page * state.PageSize, state.PageSize, sort?.SortBy, sort?.Descending ?? false);
    }

    public static GridData<T> Data<T>(Page<T> page) => new() { Items = page.Items, TotalItems = page.Total };
}
