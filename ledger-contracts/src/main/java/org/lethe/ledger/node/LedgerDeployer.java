package org.lethe.ledger.node;

import org.lethe.ledger.LedgerUnavailableException;
import org.lethe.ledger.contract.UnlearningLedger;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

import java.math.BigInteger;
import java.time.Duration;

/** Deploys the UnlearningLedger contract with gas price 0; the deployer becomes its admin. */
public final class LedgerDeployer {

    private static final BigInteger DEPLOY_GAS_LIMIT = BigInteger.valueOf(6_000_000);
    private static final int RECEIPT_ATTEMPTS = 600;

    private LedgerDeployer() {
    }

    /**
     * @return the contract's address
     * @throws LedgerUnavailableException if the deployment fails
     */
    public static String deploy(String rpcUrl, Credentials admin, long chainId, Duration receiptPollInterval) {
        Web3j web3j = Web3j.build(new HttpService(rpcUrl));
        try {
            RawTransactionManager transactions = new RawTransactionManager(web3j, admin, chainId,
                    new PollingTransactionReceiptProcessor(web3j, receiptPollInterval.toMillis(), RECEIPT_ATTEMPTS));
            return UnlearningLedger.deploy(web3j, transactions, new StaticGasProvider(BigInteger.ZERO, DEPLOY_GAS_LIMIT),
                    admin.getAddress()).send().getContractAddress();
        } catch (Exception e) {
            throw new LedgerUnavailableException("deploying UnlearningLedger to " + rpcUrl + " failed: " + e.getMessage(), e);
        } finally {
            web3j.shutdown();
        }
    }
}
