#pragma once

#include "CurrencyRates.h"
#include "FoldedNames.h"
#include "NameFolder.h"
#include "OpportunityFilter.h"
#include "OpportunityRow.h"
#include "PeopleBook.h"
#include "RowIdIndex.h"
#include "StaleRule.h"

#include <QAbstractTableModel>
#include <QHash>
#include <array>

// The one source model of opportunities: a table of the cached records, fed by the LocalStore's
// change notifications. The list and every board column are proxies over it.
class OpportunityListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Name,
        Account,
        StageColumn,
        Value,
        Probability,
        Weighted,
        CloseDate,
        Owner,
        Updated,
        // Days without a change, for a deal gone stale; sorts the stalest first.
        StaleColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit OpportunityListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Drag and drop of cards between stages: records travel as their ids under one MIME type;
    // a drop asks for a stage change, which the owner of the data carries out (moveRequested).
    static constexpr const char *mimeType = "application/x-kashew-opportunity-ids";
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    // Ids carried by a drag, empty when it is not ours.
    static QStringList idsFrom(const QMimeData *data);
    // Asks for these records to move to `stage` (from a drop, a key or a menu).
    bool requestMove(const QStringList &ids, Stage stage);
    // A read-only key: moves are refused (and said so by whoever listens to moveRefused).
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    bool isReadOnly() const { return m_readOnly; }

    // Replaces everything (first load).
    void resetRows(QList<OpportunityRow> rows);
    // Updates the rows with these ids and appends the new ones (one rowsInserted for all).
    void upsertRows(QList<OpportunityRow> rows);
    // Says the start-up load is complete (loaded): every cached row is in.
    void announceLoaded();
    void removeIds(const QStringList &ids);
    // A record created here got its server id.
    void renameId(const QString &oldId, const QString &newId);

    // What filters, totals and sorting read of a row, packed in one array: a pass over 100,000
    // rows reads it front to back instead of 100,000 records scattered over the heap.
    struct Facts
    {
        double value = 0;
        // value × probability / 100
        double weighted = 0;
        // The expected close date as CloseWindow::dayOf.
        qint64 closeDay = CloseWindow::noDay;
        // The account's name, folded once per name: an index into m_foldedAccounts.
        qint32 account = 0;
        // Index into currencies().
        qint16 currency = 0;
        Stage stage = Stage::Prospecting;
        bool archived = false;
    };

    int rowOf(const QString &id) const { return m_rowById.rowOf(id); }
    const OpportunityRow &rowAt(int row) const { return m_rows.at(row); }
    const Facts &factsAt(int row) const { return m_facts.at(row); }
    // The name folded by OpportunityFilter::fold, as the filters compare it.
    QStringView foldedNameAt(int row) const { return m_names.at(row); }
    // OpportunityFilter::accepts from the packed facts; the record itself only for an account or
    // owner filter.
    bool accepts(const OpportunityFilter &filter, int row) const
    {
        const Facts &facts = m_facts.at(row);
        return facts.archived == filter.archived &&
               (filter.stages.isEmpty() || filter.stages.contains(facts.stage)) &&
               (filter.accountId.isEmpty() ||
                m_rows.at(row).opportunity.accountId == filter.accountId) &&
               (filter.ownerId.isEmpty() || m_rows.at(row).opportunity.ownerId == filter.ownerId) &&
               (!filter.staleOnly || isStaleAt(row)) &&
               filter.closing.contains(facts.closeDay, m_todayDay) &&
               matchesSearch(filter.search, row);
    }
    // The search's part of accepts(): whether the row's name or its account's name contains the
    // (folded) search. A pass that knows the rest of the filter passed asks only this.
    bool matchesSearch(const QString &search, int row) const
    {
        return search.isEmpty() || nameMatches(search, row) ||
               accountNameMatches(search, m_facts.at(row).account);
    }
    // Works out at once which rows' names contain the search, in one pass over all the names
    // (FoldedNames::match): accepts() then reads a flag per row. For passes over many rows (a
    // keystroke); without it, accepts() searches each name on its own.
    void matchSearch(const QString &search) const
    {
        if (!search.isEmpty() && !m_names.isFor(search))
            m_names.match(search);
    }
    // The last change as milliseconds since the epoch: the list's default sort reads only these,
    // kept dense.
    qint64 updatedMsAt(int row) const { return m_updatedMs.at(row); }
    // Every currency code of the rows, once; Facts::currency indexes it.
    const QList<QString> &currencies() const { return m_currencies; }
    // How an owner is shown: by name where the people book knows one, else by a shortened id.
    QString ownerName(const QString &ownerId) const { return m_people.displayName(ownerId); }
    // Who is who, and who "me" is: the owner column, the cards, the filter and the detail read
    // names from here.
    const PeopleBook &people() const { return m_people; }
    void setPeople(const PeopleBook &people);
    // The base currency and the user's rates: totals and value sorting convert with them.
    const CurrencyRates &rates() const { return m_rates; }
    void setRates(const CurrencyRates &rates);

    // The date "overdue" and "stale" are measured against; today unless a test fixes it.
    void setToday(const QDate &today);
    QDate today() const { return m_today; }
    bool isOverdue(const Opportunity &opportunity) const;

    // When deals go stale: the profile's rule, applied to every row against today.
    const StaleRule &staleRule() const { return m_staleRule; }
    void setStaleRule(const StaleRule &rule);
    // One comparison per row (see StaleRule::freshSinceMs): filters and counts run it over
    // 100,000 rows on a keystroke.
    bool isStaleAt(int row) const
    {
        const qint64 updated = m_updatedMs.at(row);
        return updated != 0 && updated < m_freshSinceMs[static_cast<int>(m_facts.at(row).stage)];
    }
    // Whole local days since the row's last change; none without a time.
    std::optional<int> daysWithoutChange(int row) const;

signals:
    // The people book was replaced (names, or who "me" is).
    void peopleChanged();
    // The base currency or a rate changed.
    void ratesChanged();
    // The stale rule or today changed: which rows are stale may have changed.
    void staleRuleChanged();
    void moveRequested(const QStringList &ids, Stage stage);
    void moveRefused(const QString &reason);
    // The cache's rows arrived page by page after the first screen; now they are all in.
    void loaded();

private:
    void reindex();
    // Works out m_freshSinceMs from the rule and today.
    void updateFreshSince();
    // Shares the currency string with the rows of the same currency and packs the facts.
    Facts factsOf(Opportunity &opportunity);
    // The account name's index into m_foldedAccounts, folded and added when new.
    qint32 accountOf(const QString &name);
    // Whether the account's folded name contains the (non-empty) search: worked out once per
    // account for each search, so a keystroke scans each row's name alone.
    bool accountNameMatches(const QString &search, qint32 account) const
    {
        if (search.isEmpty())
            return true;
        if (!FoldedNames::sameText(search, m_accountSearch) ||
            m_accountMatches.size() != m_foldedAccounts.size())
            matchAccounts(search);
        return m_accountMatches.at(account);
    }
    void matchAccounts(const QString &search) const;
    // Whether the row's folded name contains the (non-empty) search.
    bool nameMatches(const QString &search, int row) const
    {
        return m_names.isFor(search) ? m_names.matches(row) : m_names.at(row).contains(search);
    }

    QList<OpportunityRow> m_rows;
    // Per row, kept beside m_rows: derived once, read often.
    QList<Facts> m_facts;
    QList<qint64> m_updatedMs;
    // Per row, its folded name, with the last matchSearch search's flags kept current.
    FoldedNames m_names;
    // Folds the account names, each character worked out once (see NameFolder).
    NameFolder m_folder;
    // Every account name of the rows, folded, once; Facts::account indexes it. Index 0: none.
    QList<QString> m_foldedAccounts{QString()};
    QHash<QString, qint32> m_accountByName;
    // The same by the name's shared text (see accountOf), which m_accountTexts keeps alive.
    QHash<const QChar *, qint32> m_accountByText;
    QList<QString> m_accountTexts;
    // The last search's matches per account (see accountNameMatches).
    mutable QString m_accountSearch;
    mutable QList<bool> m_accountMatches;
    RowIdIndex m_rowById{m_rows};
    QList<QString> m_currencies;
    PeopleBook m_people;
    CurrencyRates m_rates;
    QDate m_today = QDate::currentDate();
    qint64 m_todayDay = m_today.toJulianDay();
    StaleRule m_staleRule;
    // Per stage: a row changed before this instant is stale (see isStaleAt); the minimum for a
    // stage that never goes stale.
    std::array<qint64, 6> m_freshSinceMs{};
    bool m_readOnly = false;
};
