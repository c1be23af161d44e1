#pragma once

#include "StringPool.h"

#include <QObject>
#include <QTimer>

class LocalStore;
class OpportunityListModel;

// Keeps the source model in step with the LocalStore: loads it, then applies only the records
// the store says changed, went away or got their server id. What the cache cannot read leaves
// the model as it is; the store reports the failure (LocalStore::readFailed).
//
// Two ways to load: reload() reads everything at once; at start-up, loadFirstScreen() reads the
// rows the list shows first and pageIn() brings the rest in later event-loop turns, one append
// per page, so the window paints long before 100,000 rows are read. Changes announced meanwhile
// apply as usual: a page never doubles a row the model already has, and a row deleted before its
// page is read is not in the cache any more.
class ModelFeeder final : public QObject
{
    Q_OBJECT

public:
    ModelFeeder(LocalStore &store, OpportunityListModel &model, QObject *parent = nullptr);

    // Everything, now (stops any paging in).
    void reload();
    // The `count` most recently changed rows, replacing what the model has.
    void loadFirstScreen(int count = 500);
    // The rest, `pageSize` rows per event-loop turn, then the model's loaded().
    void pageIn(int pageSize = 10000);
    bool isPaging() const { return m_paging; }

signals:
    // Every row is in (after pageIn()), or the cache failed to read and paging stopped.
    void pagingFinished();

private:
    void refresh(const QStringList &ids);
    void nextPage();
    void finishPaging();

    LocalStore &m_store;
    OpportunityListModel &m_model;
    // Accounts, owners and currencies: one string each for every row read.
    StringPool m_pool;
    // Where the next page starts (a rowid), and rows per page.
    qint64 m_cursor = 0;
    int m_pageSize = 10000;
    bool m_paging = false;
    // One page per turn of the event loop; one timer, so paging started again never runs twice.
    QTimer m_pageTimer;
};
