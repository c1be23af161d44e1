#include "SavedViews.h"

#include <QCoreApplication>
#include <QSettings>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SavedViews", text);
}

const QString group = QStringLiteral("savedViews");
const QString listKey = QStringLiteral("list");
// Set once "My open deals" has been offered: a deleted built-in view stays deleted.
const QString builtInAddedKey = QStringLiteral("myOpenDealsAdded");

QString folded(const QString &name)
{
    return name.trimmed().toCaseFolded();
}

// Settings in an INI file come back as text: "true"/"false", else the entry is unreadable.
std::optional<bool> readFlag(const QSettings &settings, const QString &key)
{
    const QVariant value = settings.value(key);
    if (!value.isValid())
        return false;
    const QString text = value.toString();
    if (text == QLatin1String("true"))
        return true;
    if (text == QLatin1String("false"))
        return false;
    return std::nullopt;
}

// The keys of the array entry `index` as QSettings::beginWriteArray writes them, read through the
// const API (as StageProbabilities::read).
QString keyOf(int index, const char *field)
{
    return QStringLiteral("%1/%2/%3/%4")
        .arg(group, listKey)
        .arg(index + 1)
        .arg(QLatin1String(field));
}

std::optional<SavedView> readView(const QSettings &settings, int index)
{
    const auto value = [&](const char *field) {
        return settings.value(keyOf(index, field));
    };
    SavedView view;
    view.name = value("name").toString().trimmed();
    if (view.name.isEmpty())
        return std::nullopt;
    view.searchText = value("search").toString();
    const QString stages = value("stages").toString();
    for (const QString &id : stages.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto stage = Stages::fromId(id);
        if (!stage)
            return std::nullopt;
        view.stages.insert(*stage);
    }
    view.accountId = value("accountId").toString();
    view.ownerId = value("ownerId").toString();
    const auto ownerIsMe = readFlag(settings, keyOf(index, "ownerIsMe"));
    const auto archived = readFlag(settings, keyOf(index, "archived"));
    // Missing in views saved before stale deals: false.
    const auto staleOnly = readFlag(settings, keyOf(index, "staleOnly"));
    if (!ownerIsMe || !archived || !staleOnly)
        return std::nullopt;
    view.ownerIsMe = *ownerIsMe;
    view.archived = *archived;
    view.staleOnly = *staleOnly;
    view.sortColumn = value("sortColumn").toString();
    const QString order = value("sortOrder").toString();
    if (order == QLatin1String("descending"))
        view.sortOrder = Qt::DescendingOrder;
    else if (!order.isEmpty() && order != QLatin1String("ascending"))
        return std::nullopt;
    return view;
}

void writeView(QSettings &settings, const SavedView &view)
{
    QStringList stages;
    for (Stage stage : Stages::all()) {
        if (view.stages.contains(stage))
            stages.append(Stages::id(stage));
    }
    settings.setValue(QStringLiteral("name"), view.name);
    settings.setValue(QStringLiteral("search"), view.searchText);
    settings.setValue(QStringLiteral("stages"), stages.join(QLatin1Char(',')));
    settings.setValue(QStringLiteral("accountId"), view.accountId);
    settings.setValue(QStringLiteral("ownerId"), view.ownerId);
    settings.setValue(QStringLiteral("ownerIsMe"), view.ownerIsMe);
    settings.setValue(QStringLiteral("archived"), view.archived);
    settings.setValue(QStringLiteral("staleOnly"), view.staleOnly);
    settings.setValue(QStringLiteral("sortColumn"), view.sortColumn);
    settings.setValue(QStringLiteral("sortOrder"), view.sortOrder == Qt::DescendingOrder
                                                       ? QStringLiteral("descending")
                                                       : QStringLiteral("ascending"));
}

} // namespace

SavedView SavedViews::myOpenDeals()
{
    SavedView view;
    view.name = tr("My open deals");
    view.ownerIsMe = true;
    view.stages = {Stage::Prospecting, Stage::Qualification, Stage::Proposal, Stage::Negotiation};
    return view;
}

std::optional<qsizetype> SavedViews::indexOf(const QString &name) const
{
    const QString wanted = folded(name);
    for (qsizetype i = 0; i < m_views.size(); ++i) {
        if (folded(m_views.at(i).name) == wanted)
            return i;
    }
    return std::nullopt;
}

Status SavedViews::checkName(const QString &name, qsizetype index) const
{
    if (name.trimmed().isEmpty())
        return Failure{tr("A view needs a name.")};
    const auto existing = indexOf(name);
    if (existing && *existing != index)
        return Failure{tr("There is a view named “%1” already.").arg(m_views.at(*existing).name)};
    return {};
}

Status SavedViews::add(SavedView view)
{
    if (Status checked = checkName(view.name, -1); !checked)
        return checked;
    view.name = view.name.trimmed();
    m_views.append(std::move(view));
    return {};
}

Status SavedViews::replace(qsizetype index, SavedView view)
{
    if (Status checked = checkName(view.name, index); !checked)
        return checked;
    view.name = view.name.trimmed();
    m_views[index] = std::move(view);
    return {};
}

Status SavedViews::rename(qsizetype index, const QString &name)
{
    if (Status checked = checkName(name, index); !checked)
        return checked;
    m_views[index].name = name.trimmed();
    return {};
}

void SavedViews::remove(qsizetype index)
{
    m_views.removeAt(index);
}

SavedViews SavedViews::read(const QSettings &settings)
{
    SavedViews views;
    const int count = settings.value(group + u'/' + listKey + QStringLiteral("/size")).toInt();
    for (int i = 0; i < count; ++i) {
        if (const auto view = readView(settings, i))
            (void)views.add(*view); // a name seen before is refused: left out
    }
    if (settings.value(group + u'/' + builtInAddedKey).toString() != QLatin1String("true"))
        (void)views.add(myOpenDeals()); // refused only if the user has that name already
    return views;
}

void SavedViews::write(QSettings &settings) const
{
    settings.beginGroup(group);
    settings.remove(listKey);
    settings.beginWriteArray(listKey, static_cast<int>(m_views.size()));
    for (qsizetype i = 0; i < m_views.size(); ++i) {
        settings.setArrayIndex(static_cast<int>(i));
        writeView(settings, m_views.at(i));
    }
    settings.endArray();
    settings.setValue(builtInAddedKey, true);
    settings.endGroup();
}
