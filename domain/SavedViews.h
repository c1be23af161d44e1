#pragma once

#include "Result.h"
#include "SavedView.h"

#include <QList>
#include <optional>

class QSettings;

// The user's saved views, in the order they chose, kept in the profile's settings. Names are
// unique regardless of case. "My open deals" (my deals in prospecting to negotiation) is there
// from the start; once it has been added it is a view like any other, renamed or deleted for good.
class SavedViews final
{
public:
    // The built-in view: owner "me", the open stages, the list's own order.
    static SavedView myOpenDeals();

    const QList<SavedView> &views() const { return m_views; }
    qsizetype size() const { return m_views.size(); }
    const SavedView &at(qsizetype index) const { return m_views.at(index); }
    // The view of that name, whatever its case; none when there is none.
    std::optional<qsizetype> indexOf(const QString &name) const;

    // Adds `view` at the end, its name trimmed; an empty or taken name is refused.
    Status add(SavedView view);
    // Puts `view` in the place of the view at `index` (a view saved again over one of the same
    // name); its name trimmed. An empty name, or one another view has, is refused.
    Status replace(qsizetype index, SavedView view);
    // An empty name, or one another view has, is refused; a change of case is a rename.
    Status rename(qsizetype index, const QString &name);
    void remove(qsizetype index);

    // The views in a profile's settings; unreadable entries (no name, a name seen before, an
    // unknown stage or sort order) are left out. Without any saved views yet, "My open deals".
    static SavedViews read(const QSettings &settings);
    // Replaces the views in the settings, and remembers that "My open deals" was added.
    void write(QSettings &settings) const;

    friend bool operator==(const SavedViews &a, const SavedViews &b)
    {
        return a.m_views == b.m_views;
    }
    friend bool operator!=(const SavedViews &a, const SavedViews &b) { return !(a == b); }

private:
    // Whether `name` (trimmed) can name the view at `index` (-1: a new one).
    Status checkName(const QString &name, qsizetype index) const;

    QList<SavedView> m_views;
};
